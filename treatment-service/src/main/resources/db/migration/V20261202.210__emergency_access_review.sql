-- Supervisors' reviews of emergency accesses; the grants themselves are the platform's access_emergency, which every
-- service keeps from access.events.
create table emergency_access_review (
    grant_id     uuid primary key,
    client_id    uuid        not null,
    finding      text        not null,
    note         text,
    reviewed_by  text        not null,
    reviewed_at  timestamptz not null
);
