-- The totals of the screenings treatment follows over time (PHQ-9, GAD-7), one row per assessment, projected from
-- intake's AssessmentCompleted: the series that response, remission and deterioration are measured on.
create table outcome_score (
    assessment_id   uuid primary key,
    client_id       uuid        not null,
    instrument      text        not null,
    administered_at timestamptz not null,
    total_score     integer     not null
);

create index outcome_score_client on outcome_score (client_id, instrument, administered_at);
