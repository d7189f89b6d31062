package org.careloop.referral.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.careloop.platform.problem.FreeText;
import org.careloop.referral.partner.ServiceType;

/** A clinician's referral of a client to a partner, drafted before it is sent. */
public record DraftReferral(
        @NotBlank @Size(max = 64) String partnerId,
        @NotNull ServiceType serviceType,
        @NotNull Urgency urgency,
        @FreeText @NotBlank @Size(max = 4000) String reason,
        @Size(max = 12)
                List<@NotNull @Pattern(regexp = ICD10, message = ICD10_MESSAGE) String> diagnoses,
        @FreeText @Size(max = 4000) String notes) {

    static final String ICD10 = "[A-TV-Z][0-9][0-9AB](\\.[0-9A-TV-Z]{1,4})?";
    static final String ICD10_MESSAGE = "must be an ICD-10-CM code such as F33.1";
}
