-- The one durable timer of every service: a due time per (kind, stream), written in the transaction that sets it,
-- claimed with FOR UPDATE SKIP LOCKED when due, so a restart neither loses one nor fires one twice.
create table deadline (
    kind       text        not null,
    stream_id  uuid        not null,
    step       integer     not null,
    due_at     timestamptz not null,
    primary key (kind, stream_id)
);

create index deadline_due on deadline (due_at);
