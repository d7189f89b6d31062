-- Treatment owns the care team and the staff records: the access check reads them directly, so an assignment lets
-- the clinician in with the same commit, instead of through a copy of treatment's own events.
drop table access_care_team;
drop table access_supervision;

create view access_care_team as
    select client_id, clinician, role from care_team_member;

create view access_supervision as
    select username, supervisor from staff_member where supervisor is not null;
