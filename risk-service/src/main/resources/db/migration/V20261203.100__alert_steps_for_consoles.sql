-- Every alert step as the consoles show it, in the order the steps committed: what each instance's consoles are sent
-- live, and what a console that reconnects with Last-Event-ID is sent again.
create table alert_step (
    position          bigint      primary key,
    alert_id          uuid        not null,
    addressed_to      text,
    primary_clinician text,
    notice            text        not null,
    recorded_at       timestamptz not null
);

create index alert_step_recorded_at on alert_step (recorded_at);

-- The last position handed out. A step takes the next one by updating this row, whose lock it holds until its
-- transaction ends: the next step waits for that commit, so positions commit in order and a reader that has seen
-- position n never later finds a committed step below n.
create table alert_step_head (
    one      boolean primary key default true check (one),
    position bigint  not null
);

insert into alert_step_head (one, position) values (true, 0);

-- Wakes every instance's console feed when a transaction that recorded steps commits.
create function alert_step_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('alert_step', '');
    return null;
end $$;

create trigger alert_step_notify after insert on alert_step for each statement execute function alert_step_notify();
