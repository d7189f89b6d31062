-- Treatment plans as wholes, and every version of each as written and signed.
create table treatment_plan (
    plan_id                 uuid primary key,
    client_id               uuid        not null,
    status                  text        not null,
    latest_version          int         not null,
    active_version          int         not null,
    pending_status          text,
    review_due_on           date,
    review_due_at           timestamptz,
    review_overdue          boolean     not null default false,
    review_required_reason  text,
    review_required_at      timestamptz,
    diagnoses               text,
    pending_diagnoses       text,
    updated_at              timestamptz not null
);

create index treatment_plan_client on treatment_plan (client_id);

create table treatment_plan_version (
    plan_id            uuid        not null,
    version            int         not null,
    client_id          uuid        not null,
    status             text        not null,
    author             text        not null,
    author_licensed    boolean     not null,
    author_supervisor  text,
    content            text        not null,
    signatures         text        not null,
    goals_met          text        not null,
    drafted_at         timestamptz not null,
    approved_at        timestamptz,
    review_due_on      date,
    primary key (plan_id, version)
);

create index treatment_plan_version_cosign on treatment_plan_version (author_supervisor, status);
