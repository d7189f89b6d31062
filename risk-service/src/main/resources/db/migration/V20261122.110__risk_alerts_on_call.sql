-- Risk levels, the on-call rota, escalation ladders and crisis alerts.

create table risk_status (
    client_id    uuid primary key,
    level        text        not null,
    rank         integer     not null,
    episode_id   uuid,
    level_since  timestamptz not null,
    reason       text
);

create index risk_status_registry on risk_status (rank, level_since);

create table on_call_shift (
    shift_id      uuid primary key,
    clinician     text        not null,
    tier          text        not null,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    scheduled_by  text        not null,
    scheduled_at  timestamptz not null,
    check (ends_at > starts_at)
);

create index on_call_shift_tier on on_call_shift (tier, starts_at, ends_at);

create table escalation_policy (
    priority    text primary key,
    steps       text        not null,
    updated_by  text        not null,
    updated_at  timestamptz not null
);

create table alert_board (
    alert_id      uuid primary key,
    client_id     uuid        not null,
    priority      text        not null,
    risk_level    text        not null,
    reason        text,
    status        text        not null,
    tier          text        not null,
    step          integer     not null,
    addressed_to  text,
    raised_at     timestamptz not null,
    updated_at    timestamptz not null,
    addressees    text        not null
);

create index alert_board_client on alert_board (client_id, raised_at desc);
create index alert_board_status on alert_board (status, raised_at desc);

create table alert_timer (
    alert_id  uuid primary key,
    step      integer     not null,
    due_at    timestamptz not null
);

create index alert_timer_due on alert_timer (due_at);

create table webhook_subscription (
    webhook_id  uuid primary key,
    url         text        not null,
    secret      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null
);

create table webhook_delivery (
    delivery_id      uuid primary key,
    webhook_id       uuid        not null references webhook_subscription,
    alert_id         uuid        not null,
    body             text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null;

create table webhook_attempt (
    id            bigint generated always as identity primary key,
    delivery_id   uuid        not null,
    alert_id      uuid        not null,
    attempt       integer     not null,
    attempted_at  timestamptz not null,
    status        integer     not null,
    error         text
);

create index webhook_attempt_alert on webhook_attempt (alert_id, attempted_at);

create table safety_plan_version (
    client_id   uuid        not null,
    version     integer     not null,
    sections    text        not null,
    revised_by  text        not null,
    revised_at  timestamptz not null,
    primary key (client_id, version)
);
