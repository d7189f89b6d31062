package org.careloop.referral.inbound;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.careloop.platform.problem.FreeText;
import org.careloop.referral.referral.Urgency;

/**
 * A partner organization's referral of a person to the clinic: who they are and how to reach them
 * (what intake needs to register a client), what is asked for and how soon; {@code
 * partnerReference} is the partner's own id for it.
 */
public record ReferInbound(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull LocalDate dateOfBirth,
        @Size(max = 30) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = LANGUAGE, message = "must be a language tag, e.g. en or es-MX")
                String preferredLanguage,
        @FreeText @NotBlank @Size(max = 500) String serviceRequested,
        @FreeText @NotBlank @Size(max = 4000) String reason,
        @NotNull Urgency urgency,
        @Size(max = 100) @Pattern(regexp = REFERENCE, message = REFERENCE_MESSAGE)
                String partnerReference) {

    /** As intake registers phone numbers: 7 to 15 digits, with spaces, dots, dashes or brackets. */
    static final String PHONE = "(?=(?:[^0-9]*[0-9]){7,15}[^0-9]*$)\\+?[0-9(][0-9 ()./-]*[0-9]";

    static final String PHONE_MESSAGE =
            "must be a phone number of 7 to 15 digits, e.g. +1 555 0100";
    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*";
    static final String REFERENCE = "[A-Za-z0-9][A-Za-z0-9 ._:/#-]*";
    static final String REFERENCE_MESSAGE =
            "must be letters, digits, spaces and . _ : / # - (starting with a letter or digit)";
}
