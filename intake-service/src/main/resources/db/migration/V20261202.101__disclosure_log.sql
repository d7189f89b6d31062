-- Each client's accounting of disclosures, projected from RecordDisclosed on access.events.
create table disclosure_log (
    disclosure_id       uuid primary key,
    client_id           uuid        not null,
    recipient           text        not null,
    purpose             text        not null,
    part2               boolean     not null,
    consent_id          uuid,
    what                text        not null,
    redisclosure_notice text,
    disclosed_at        timestamptz not null,
    disclosed_by        text        not null,
    service             text        not null
);

create index disclosure_log_client on disclosure_log (client_id, disclosed_at desc);
