-- Therapy groups and the sessions each one held, projected from the group streams.
create table therapy_group (
    group_id         uuid primary key,
    name             text        not null,
    facilitator      text        not null,
    co_facilitators  text        not null,
    sessions         text        not null,
    formed_at        timestamptz not null,
    formed_by        text        not null
);

create index therapy_group_facilitator on therapy_group (facilitator);

-- Who is on each group's roster now.
create table therapy_group_member (
    group_id   uuid        not null,
    client_id  uuid        not null,
    joined_at  timestamptz not null,
    joined_by  text        not null,
    primary key (group_id, client_id)
);

create index therapy_group_member_client on therapy_group_member (client_id);
