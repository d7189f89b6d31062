-- The partners referrals go to.
create table partner (
    partner_id              text primary key,
    name                    text        not null,
    -- JSON array of service types (PSYCHIATRY, IOP, ...)
    services                text        not null,
    phone                   text,
    email                   text,
    electronic              boolean     not null,
    updated_at              timestamptz not null,
    updated_by              text
);

-- Each referral where it stands, its clocks and the partner's outcome.
create table referral (
    referral_id             uuid primary key,
    client_id               uuid        not null,
    partner_id              text        not null,
    service_type            text        not null,
    urgency                 text        not null,
    status                  text        not null,
    held_from               text,
    reason                  text        not null,
    -- JSON array of ICD-10-CM codes
    diagnoses               text        not null,
    notes                   text,
    referred_by             text        not null,
    consent_id              uuid,
    part2                   boolean     not null,
    requested_at            timestamptz,
    acceptance_due_at       timestamptz,
    seen_due_at             timestamptz,
    acceptance_overdue      boolean     not null,
    seen_overdue            boolean     not null,
    appointment_at          timestamptz,
    partner_reason          text,
    outcome_summary         text,
    outcome_recommendations text,
    -- JSON array of texts the partner sent back
    outcome_attachments     text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);

create index referral_client on referral (client_id, created_at);
create index referral_referrer on referral (referred_by, status);
create index referral_status on referral (status);
