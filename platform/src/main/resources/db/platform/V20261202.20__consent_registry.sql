-- The consents a service knows of, projected from intake's ConsentRecorded and ConsentRevoked, for the disclosure
-- check of a service that sends records outside the clinic (referral, billing); empty where no such consumer runs.
create table consent_registry (
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
    revocation_reason text
);

create index consent_registry_client on consent_registry (client_id);
