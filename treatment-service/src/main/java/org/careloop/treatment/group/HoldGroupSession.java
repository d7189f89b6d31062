package org.careloop.treatment.group;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.treatment.session.ClientLocation;
import org.careloop.treatment.session.Note;
import org.careloop.treatment.session.SessionModality;

/** A group session held: who came, and a note for each member who did. */
public record HoldGroupSession(
        @NotNull Instant startedAt,
        @NotNull Instant endedAt,
        @NotNull SessionModality modality,
        @NotNull ClientLocation clientLocation,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Attendee> attendance) {

    /** One member's attendance; a present member's note follows the session note's rules. */
    public record Attendee(
            @NotNull UUID clientId,
            @NotNull Boolean present,
            @Valid Note note,
            @Size(max = 30) List<@NotNull @Size(max = 20) String> objectivesAddressed,
            Boolean riskReviewed,
            Boolean interactiveComplexity) {}
}
