-- Each client's care team as treatment announces it: who, in which role. A projection of the inbox.
create table care_team_member (
    client_id    uuid        not null,
    clinician    text        not null,
    role         text        not null,
    assigned_at  timestamptz,
    assigned_by  text,
    primary key (client_id, clinician, role)
);

-- At most one primary clinician per client: the one an alert's information copy goes to.
create unique index care_team_one_primary on care_team_member (client_id) where role = 'PRIMARY';
