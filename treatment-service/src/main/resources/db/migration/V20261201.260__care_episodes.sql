-- When each client was last discharged: their current episode of care, and its outcome baselines, begin after it.
create table care_episode (
    client_id           uuid primary key,
    last_discharged_at  timestamptz not null
);
