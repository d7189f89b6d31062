-- Treatment owns the care team, the groups and the staff records: the access check reads them directly, so an
-- assignment lets the clinician in with the same commit, instead of through a copy of treatment's own events.
drop table access_care_team;
drop table access_supervision;

-- A group's facilitators document for every member, whoever's caseload they are on: they count as care team.
create view access_care_team as
    select client_id, clinician, role from care_team_member
    union all
    select m.client_id, g.facilitator, 'GROUP_FACILITATOR'
    from therapy_group_member m join therapy_group g on g.group_id = m.group_id
    union all
    select m.client_id, co.username, 'GROUP_FACILITATOR'
    from therapy_group_member m join therapy_group g on g.group_id = m.group_id
    cross join lateral jsonb_array_elements_text(g.co_facilitators::jsonb) as co(username);

create view access_supervision as
    select username, supervisor from staff_member where supervisor is not null;
