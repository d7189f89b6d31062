-- The referrals sent for each client, as referral-service announced them, for the caseload's follow-up counts.
create table client_referral (
    referral_id   uuid primary key,
    client_id     uuid        not null,
    partner_id    text        not null,
    stage         text        not null,
    overdue       boolean     not null,
    requested_at  timestamptz not null
);
create index client_referral_client on client_referral (client_id);
