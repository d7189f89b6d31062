package org.careloop.intake.inbound;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.careloop.intake.client.PhoneNumber;

/**
 * The coordinator's acceptance of an inbound referral, with what they corrected or added to the
 * partner's demographics after speaking to the person; a field left out keeps the partner's.
 */
public record AcceptInbound(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        LocalDate dateOfBirth,
        @Size(max = 100) String preferredName,
        @Size(max = 40) String pronouns,
        @Size(max = 30) @PhoneNumber String phone,
        @Email @Size(max = 254) String email,
        @Pattern(
                        regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                        message = "must be a language tag, e.g. en or es-MX")
                String preferredLanguage) {

    /** Nothing corrected: the partner's demographics as they are. */
    public static final AcceptInbound NONE =
            new AcceptInbound(null, null, null, null, null, null, null, null);
}
