-- A stream is named by its type and its id: a client's risk stream and its safety-plan stream may share the
-- client's id without colliding.
alter table event_store drop constraint event_store_stream_version;
alter table event_store add constraint event_store_stream_version unique (stream_type, stream_id, version);
