-- The platform tables every service has: its event store, its outbox and its inbox.

create table event_store (
    position     bigint generated always as identity primary key,
    stream_type  text        not null,
    stream_id    uuid        not null,
    version      integer     not null,
    event_id     uuid        not null unique,
    event_type   text        not null,
    payload      text        not null,
    actor        text,
    recorded_at  timestamptz not null,
    constraint event_store_stream_version unique (stream_id, version)
);

create table outbox (
    id            bigint generated always as identity primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    payload       text        not null,
    occurred_at   timestamptz not null,
    published_at  timestamptz
);

create index outbox_unpublished on outbox (id) where published_at is null;

-- Wakes the relay when a transaction that wrote outbox rows commits (notifications are delivered on commit only).
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end $$;

create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify();

create table inbox (
    position     bigint generated always as identity primary key,
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    source       text,
    subject      text,
    payload      text        not null,
    occurred_at  timestamptz,
    received_at  timestamptz not null,
    constraint inbox_once unique (consumer, event_id)
);

-- The clients this service knows of, projected from intake's ClientRegistered (unused in intake itself).
create table client_directory (
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
    updated_at         timestamptz not null
);
