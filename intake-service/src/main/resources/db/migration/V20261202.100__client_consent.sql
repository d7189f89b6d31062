-- Intake's read model of its clients' consents, one row each, kept in step with the consent streams of the event
-- store; purposes are a JSON array of names.
create table client_consent (
    consent_id        uuid primary key,
    client_id         uuid        not null,
    kind              text        not null,
    recipient         text,
    purposes          text        not null,
    covers_part2      boolean     not null,
    effective_on      date        not null,
    expires_on        date,
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    revoked_at        timestamptz,
    revoked_by        text,
    revocation_reason text,
    version           integer     not null
);

create index client_consent_client on client_consent (client_id, recorded_at desc);
