-- A draft another service's event started may name no partner yet and, when the client has no primary clinician, no
-- referring clinician.
alter table referral alter column partner_id drop not null;
alter table referral alter column referred_by drop not null;

-- What started such a draft (RISK_ESCALATED, CLIENT_DISCHARGED) and the id of its source; null for a clinician's own.
alter table referral add column origin text;
alter table referral add column origin_source_id uuid;

-- Each client's primary clinician, from treatment's care-team events; the one a discharge removed is kept until the
-- discharge itself is seen, for the step-down referral it drafts.
create table primary_clinician (
    client_id         uuid primary key,
    clinician         text,
    before_discharge  text
);
