-- Staff as treatment credentials them: billing names the rendering and supervising provider by their NPI.
create table rendering_provider (
    username         text primary key,
    display_name     text,
    credential       text,
    licensed         boolean not null,
    supervisor       text,
    npi              text,
    credentialed_at  timestamptz,
    credentialed_by  text
);

-- Each session treatment documented, what a claim will stand on; a voided one keeps its row, marked VOIDED.
create table delivered_session (
    session_id              uuid primary key,
    client_id               uuid        not null,
    type                    text,
    started_at              timestamptz,
    ended_at                timestamptz,
    minutes                 integer     not null,
    modality                text,
    client_location         text,
    interactive_complexity  boolean     not null,
    rendering_clinician     text,
    supervising_clinician   text,
    -- JSON array of {code, description}, the primary diagnosis first
    diagnoses               text        not null,
    plan_id                 uuid,
    group_session_id        uuid,
    documented_at           timestamptz,
    status                  text        not null,
    void_reason             text,
    voided_at               timestamptz,
    voided_by               text
);

create index delivered_session_client on delivered_session (client_id, started_at desc);
