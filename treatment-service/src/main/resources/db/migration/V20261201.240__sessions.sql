-- Every documented session and where its note stands.
create table session_record (
    session_id              uuid primary key,
    client_id               uuid        not null,
    author                  text        not null,
    author_supervisor       text,
    status                  text        not null,
    type                    text        not null,
    started_at              timestamptz not null,
    ended_at                timestamptz not null,
    modality                text        not null,
    client_location         text        not null,
    interactive_complexity  boolean     not null,
    note                    text        not null,
    objectives              text        not null,
    risk_reviewed           boolean     not null,
    addenda                 text        not null,
    group_session_id        uuid,
    signed_at               timestamptz,
    cosigned_at             timestamptz,
    cosigned_by             text,
    documented_at           timestamptz,
    diagnoses               text,
    voided_at               timestamptz,
    void_reason             text,
    drafted_at              timestamptz not null
);

create index session_record_client on session_record (client_id, started_at desc);
create index session_record_cosign on session_record (author_supervisor, status);
create index session_record_author on session_record (author, status);
