package org.careloop.treatment.session;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** A clinician's record of a session held, with its note; a draft until signed. */
public record DocumentSession(
        @NotNull SessionType type,
        @NotNull Instant startedAt,
        @NotNull Instant endedAt,
        @NotNull SessionModality modality,
        @NotNull ClientLocation clientLocation,
        Boolean interactiveComplexity,
        @NotNull @Valid Note note,
        @Size(max = 30) List<@NotNull @Size(max = 20) String> objectivesAddressed,
        @NotNull Boolean riskReviewed) {}
