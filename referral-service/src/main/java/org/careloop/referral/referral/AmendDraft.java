package org.careloop.referral.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.careloop.platform.problem.FreeText;

/**
 * The referrer completes or changes a draft before sending it: the partner (which must offer the
 * draft's service type; none yet leaves the draft incomplete), urgency, reason, diagnoses, notes.
 */
public record AmendDraft(
        @Size(max = 64) String partnerId,
        @NotNull Urgency urgency,
        @FreeText @NotBlank @Size(max = 4000) String reason,
        @Size(max = 12)
                List<
                                @NotNull
                                @Pattern(
                                        regexp = DraftReferral.ICD10,
                                        message = DraftReferral.ICD10_MESSAGE)
                                String>
                        diagnoses,
        @FreeText @Size(max = 4000) String notes) {}
