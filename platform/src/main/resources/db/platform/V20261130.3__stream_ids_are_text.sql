-- A stream's id is the real id of what it records: a UUID for clients, alerts and plans, a name where the thing is
-- named by one (an escalation ladder by its priority, a clinician by user name).
alter table event_store alter column stream_id type text using stream_id::text;
