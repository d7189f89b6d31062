-- Alert step timers move to the platform's deadline table, beside every other clock of the service.
insert into deadline (kind, stream_id, step, due_at)
select 'alert-escalation', alert_id, step, due_at from alert_timer;
drop table alert_timer;
