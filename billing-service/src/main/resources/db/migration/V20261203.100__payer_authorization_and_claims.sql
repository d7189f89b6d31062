-- A payer's rules, as data: codes needing authorization, telehealth modifiers, fee schedule, timely filing and
-- the Da Vinci PAS endpoint (its client secret sealed).
create table payer (
    payer_id                text primary key,
    name                    text        not null,
    -- JSON: the rules as configured (PayerRules)
    rules                   text        not null,
    electronic              boolean     not null,
    updated_at              timestamptz not null,
    updated_by              text
);

-- A client's insurance with one payer; the primary one is billed first.
create table coverage (
    client_id               uuid        not null,
    payer_id                text        not null,
    member_id               text        not null,
    group_number            text,
    relationship            text        not null,
    -- JSON: the subscriber when not the client (name, date of birth, address)
    subscriber              text,
    priority                text        not null,
    effective_from          date        not null,
    effective_to            date,
    updated_at              timestamptz not null,
    updated_by              text,
    primary key (client_id, payer_id)
);

-- Each authorization where it stands: what was asked, what the payer decided, the units used.
create table authorization_request (
    authorization_id        uuid primary key,
    client_id               uuid        not null,
    payer_id                text        not null,
    status                  text        not null,
    outcome                 text,
    urgency                 text        not null,
    authorization_number    text,
    -- JSON arrays of {cpt, units}
    requested_services      text        not null,
    approved_services       text,
    used_services           text,
    requested_start         date        not null,
    requested_end           date        not null,
    start_date              date,
    end_date                date,
    diagnoses               text        not null,
    justification           text,
    reason                  text,
    electronic              boolean     not null,
    requested_at            timestamptz,
    decision_due_at         timestamptz,
    decision_overdue        boolean     not null,
    nearly_exhausted        boolean     not null,
    expiring                boolean     not null,
    next_review_on          date,
    created_at              timestamptz not null,
    created_by              text,
    updated_at              timestamptz not null
);

create index authorization_request_client on authorization_request (client_id, payer_id);
create index authorization_request_status on authorization_request (status);

-- The unit ledger: one row per session that used units of an authorization; a void returns them.
create table authorization_ledger (
    authorization_id        uuid        not null,
    session_id              uuid        not null,
    cpt                     text        not null,
    units                   integer     not null,
    service_date            date        not null,
    consumed_at             timestamptz not null,
    returned_at             timestamptz,
    primary key (authorization_id, session_id, cpt)
);

-- What billing knows of each treatment plan: its diagnoses and when its review falls due.
create table billing_plan (
    plan_id                 uuid primary key,
    client_id               uuid        not null,
    version                 integer     not null,
    review_due_on           date,
    review_overdue          boolean     not null,
    closed                  boolean     not null
);

-- One claim per documented session.
create table claim (
    claim_id                uuid primary key,
    session_id              uuid        not null unique,
    client_id               uuid        not null,
    payer_id                text,
    status                  text        not null,
    -- JSON array of hold reasons, each {reason, detail}
    holds                   text        not null,
    -- JSON array of {cpt, units, modifiers, placeOfService, charge}
    lines                   text        not null,
    total_charge            numeric(12, 2),
    authorization_id        uuid,
    authorization_number    text,
    service_date            date,
    export_id               uuid,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);

create index claim_status on claim (status);
create index claim_client on claim (client_id);

-- Each 837P interchange written, kept as sent.
create table claim_export (
    export_id               uuid primary key,
    control_number          bigint      not null unique,
    claim_count             integer     not null,
    total_charge            numeric(12, 2) not null,
    -- JSON array of the READY claims the interchange could not carry, each {claimId, reason}
    left_out                text        not null,
    content                 text        not null,
    created_at              timestamptz not null,
    created_by              text
);

create sequence claim_export_control_number start with 1;

-- Calls owed to a payer's Da Vinci PAS endpoint: a submission, then inquiries while pended. Durable: a payer that
-- is down is called again, and the row is gone only once the answer is recorded.
create table payer_exchange (
    authorization_id        uuid primary key,
    action                  text        not null,
    attempts                integer     not null,
    due_at                  timestamptz not null,
    last_error              text,
    payer_reference         text
);

create index payer_exchange_due on payer_exchange (due_at);
