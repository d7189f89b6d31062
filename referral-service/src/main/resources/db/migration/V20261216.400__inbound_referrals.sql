-- Partners' inbound referrals where they stand, projected from the inbound-referral streams: RECEIVED until intake
-- accepts or declines one. The partner sees its own; the clinic's client id is not kept here.
create table inbound_referral (
    inbound_id         uuid primary key,
    partner_id         text        not null,
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
    status             text        not null,
    received_at        timestamptz not null,
    decided_at         timestamptz,
    decline_reason     text
);

create index inbound_referral_partner on inbound_referral (partner_id, received_at desc);
