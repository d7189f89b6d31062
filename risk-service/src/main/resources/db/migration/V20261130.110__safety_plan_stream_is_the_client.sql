-- Safety-plan streams were named by a hash of the client id; they are now the stream ("safety-plan", client id).
update event_store set stream_id = (payload::jsonb ->> 'clientId')::uuid where stream_type = 'safety-plan';
