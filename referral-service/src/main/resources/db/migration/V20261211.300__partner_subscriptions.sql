-- Each partner's subscription: where its announcements go, and the secret that signs them (sealed, SecretBox).
create table partner_subscription (
    partner_id   text primary key,
    url          text        not null,
    secret       text        not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    updated_by   text        not null
);

-- Announcements to partners waiting to be sent or sent, written in the transaction of the referral's change; the
-- body carries ids only.
create table partner_delivery (
    delivery_id      uuid primary key,
    partner_id       text        not null,
    referral_id      uuid        not null,
    type             text        not null,
    body             text        not null,
    created_at       timestamptz not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz,
    delivered_at     timestamptz
);
create index partner_delivery_due on partner_delivery (next_attempt_at) where delivered_at is null;
create index partner_delivery_referral on partner_delivery (referral_id);

-- Every attempt to send one: the HTTP status (0 when no answer came) and, unless delivered, why not.
create table partner_delivery_attempt (
    delivery_id   uuid        not null,
    attempt       integer     not null,
    attempted_at  timestamptz not null,
    status        integer     not null,
    error         text,
    primary key (delivery_id, attempt)
);
