-- Each client's risk level as risk-service last announced it, for the caseload.
create table client_risk (
    client_id   uuid primary key,
    level       text        not null,
    reason      text,
    changed_at  timestamptz not null
);
