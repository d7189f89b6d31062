package org.careloop.billing.authorization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.careloop.platform.problem.FreeText;

/**
 * Billing staff's request for authorization of services for a client, drafted before it is sent.
 */
public record RequestAuthorization(
        @NotBlank @Size(max = 64) String payerId,
        @NotNull Urgency urgency,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid ServiceUnits> services,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Size(min = 1, max = 12)
                List<@NotNull @Pattern(regexp = ICD10, message = ICD10_MESSAGE) String> diagnoses,
        @FreeText @NotBlank @Size(max = 4000) String justification) {

    static final String ICD10 = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?";
    static final String ICD10_MESSAGE = "must be an ICD-10-CM code such as F33.1";
}
