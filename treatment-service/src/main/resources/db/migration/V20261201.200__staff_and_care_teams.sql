-- Treatment's read models of staff credentials and care teams, projected from their streams.
create table staff_member (
    username      text primary key,
    display_name  text        not null,
    credential    text        not null,
    licensed      boolean     not null,
    supervisor    text,
    npi           text,
    updated_at    timestamptz not null,
    updated_by    text        not null
);

create index staff_member_supervisor on staff_member (supervisor);

create table care_team_member (
    client_id    uuid        not null,
    clinician    text        not null,
    role         text        not null,
    assigned_at  timestamptz not null,
    assigned_by  text        not null,
    primary key (client_id, clinician)
);

create index care_team_member_clinician on care_team_member (clinician);
-- One PRIMARY per client, whatever a decider might let through.
create unique index care_team_one_primary on care_team_member (client_id) where role = 'PRIMARY';
