-- Intake's read model of registered clients, kept in step with the client streams of the event store.
create table client_registry (
    client_id          uuid primary key,
    first_name         text        not null,
    last_name          text        not null,
    preferred_name     text,
    pronouns           text,
    date_of_birth      date        not null,
    phone              text,
    email              text,
    preferred_language text,
    registered_at      timestamptz not null,
    registered_by      text        not null,
    version            integer     not null
);

create index client_registry_names on client_registry (lower(last_name), lower(first_name));
