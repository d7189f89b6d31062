package org.careloop.referral.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.careloop.platform.problem.FreeText;

/**
 * What a partner without the electronic interface said, as staff record it from a call, fax or
 * letter: REJECTED needs the reason, IN_PROGRESS the appointment, COMPLETED the outcome's summary.
 */
public record PartnerUpdate(
        @NotNull PartnerStatus status,
        @FreeText @Size(max = 2000) String reason,
        Instant appointmentAt,
        @Valid Outcome outcome) {

    /** The partner's report back: what was done and what it recommends. */
    public record Outcome(
            @FreeText @Size(max = 4000) String summary,
            @FreeText @Size(max = 4000) String recommendations,
            @Size(max = 20) List<@NotNull @Size(max = 20000) String> attachments) {}
}
