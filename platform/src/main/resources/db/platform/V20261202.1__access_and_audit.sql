-- Who may reach which client, kept by every service from treatment's, risk's and the platform's own events: the
-- care team, who supervises whom, who an open crisis alert is addressed to, and emergency ("break the glass") grants.
create table access_care_team (
    client_id  uuid not null,
    clinician  text not null,
    role       text not null,
    primary key (client_id, clinician, role)
);
create index access_care_team_clinician on access_care_team (clinician);

create table access_supervision (
    username    text primary key,
    supervisor  text not null
);
create index access_supervision_supervisor on access_supervision (supervisor);

-- An alert opens access for whoever it is addressed to or acknowledged by; closes_at is set when the alert is
-- acknowledged or the risk resolved (plus the grace period), null while it is open.
create table access_alert (
    alert_id   uuid        not null,
    username   text        not null,
    client_id  uuid        not null,
    opened_at  timestamptz not null,
    closes_at  timestamptz,
    primary key (alert_id, username)
);
create index access_alert_client on access_alert (client_id, username);

create table access_emergency (
    grant_id    uuid        primary key,
    client_id   uuid        not null,
    username    text        not null,
    reason      text        not null,
    service     text        not null,
    granted_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index access_emergency_client on access_emergency (client_id, username);

-- The audit trail: one row per request that reached the service, written before the request is handled. Rows are
-- appended only. The chainer gives each a position and a hash over its content and the previous row's hash, so a
-- changed or removed row breaks the chain; each row is then its own outbox entry for audit.events (published_at).
create table audit_record (
    id             bigint generated always as identity primary key,
    recorded_at    timestamptz not null,
    service        text        not null,
    request_id     text,
    username       text        not null,
    roles          text        not null,
    client_id      uuid,
    action         text        not null,
    method         text        not null,
    route          text        not null,
    path           text        not null,
    outcome        text        not null,
    basis          text        not null,
    purpose        text        not null,
    chain_position bigint unique,
    previous_hash  text,
    hash           text,
    published_at   timestamptz
);
create index audit_record_client on audit_record (client_id, recorded_at);
create index audit_record_user on audit_record (username, recorded_at);
create index audit_record_unchained on audit_record (id) where chain_position is null;
create index audit_record_unpublished on audit_record (chain_position) where published_at is null and chain_position is not null;

-- Appended only: the content of a row never changes, and a row is never removed; the chainer only fills in the
-- chain columns once, and the time it was published once.
create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'the audit trail is append-only';
    end if;
    if (old.chain_position is not null
           and (old.chain_position, old.previous_hash, old.hash)
               is distinct from (new.chain_position, new.previous_hash, new.hash))
       or (old.published_at is not null and old.published_at is distinct from new.published_at)
       or (old.recorded_at, old.service, old.request_id, old.username, old.roles, old.client_id, old.action,
           old.method, old.route, old.path, old.outcome, old.basis, old.purpose)
          is distinct from
          (new.recorded_at, new.service, new.request_id, new.username, new.roles, new.client_id, new.action,
           new.method, new.route, new.path, new.outcome, new.basis, new.purpose) then
        raise exception 'the audit trail is append-only';
    end if;
    return new;
end $$;

create trigger audit_record_append_only before update or delete on audit_record
    for each row execute function audit_record_append_only();

-- Wakes the chainer when a request's record commits.
create function audit_record_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('audit', '');
    return null;
end $$;

create trigger audit_record_notify after insert on audit_record
    for each statement execute function audit_record_notify();
