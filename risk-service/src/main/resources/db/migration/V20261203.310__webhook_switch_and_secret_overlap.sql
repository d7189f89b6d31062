-- A webhook can be disabled (it is sent nothing, and what comes due meanwhile is skipped) and its secret replaced
-- with an overlap: until previous_secret_until each delivery is signed with the previous secret too, so that the
-- pager provider can switch without a page failing verification. Both secrets are stored sealed.
alter table webhook_subscription
    add column enabled               boolean not null default true,
    add column previous_secret       text,
    add column previous_secret_until timestamptz,
    add column secret_rotated_at     timestamptz,
    add constraint webhook_subscription_previous_secret_sealed
        check (previous_secret is null or previous_secret ~ '^[a-z0-9]{1,32}:[A-Za-z0-9+/]+={0,2}$');

comment on column webhook_subscription.previous_secret is
    'the secret before the last rotation, sealed as secret; signs deliveries too until previous_secret_until';
