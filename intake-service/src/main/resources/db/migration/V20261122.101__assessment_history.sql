-- Intake's read model of completed assessments, one row each; the whole record is kept as JSON in detail.
create table assessment_history (
    assessment_id  uuid primary key,
    client_id      uuid        not null,
    instrument     text        not null,
    administered_at timestamptz not null,
    risk_level     text,
    detail         text        not null
);

create index assessment_history_client on assessment_history (client_id, administered_at desc);
