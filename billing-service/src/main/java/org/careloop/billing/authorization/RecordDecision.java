package org.careloop.billing.authorization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.careloop.platform.problem.FreeText;

/**
 * A payer's decision as staff record it from a phone call, fax or portal: on a request APPROVED,
 * PARTIALLY_APPROVED, PENDED or DENIED; on an appeal OVERTURNED or UPHELD. Approved services and
 * dates default to those requested.
 */
public record RecordDecision(
        @NotNull Outcome outcome,
        @Size(max = 50)
                @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits and dashes")
                String authorizationNumber,
        @Size(max = 20) List<@NotNull @Valid ServiceUnits> services,
        LocalDate startDate,
        LocalDate endDate,
        @FreeText @Size(max = 2000) String reason,
        @Size(max = 24) List<@NotNull LocalDate> concurrentReviewDates) {}
