-- Partners' inbound referrals as intake tasks, projected from the inbound-referral streams: OPEN until a coordinator
-- accepts one (registering the client) or declines it.
create table inbound_referral (
    inbound_id         uuid primary key,
    partner_id         text        not null,
    partner_name       text,
    partner_reference  text,
    first_name         text        not null,
    last_name          text        not null,
    date_of_birth      date        not null,
    phone              text,
    email              text,
    preferred_language text,
    service_requested  text        not null,
    reason             text        not null,
    urgency            text        not null,
    urgency_rank       integer     not null,
    status             text        not null,
    received_at        timestamptz not null,
    client_id          uuid,
    decided_at         timestamptz,
    decided_by         text,
    decline_reason     text
);

create index inbound_referral_open on inbound_referral (status, urgency_rank, received_at);
