package org.careloop.billing.payer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.careloop.platform.problem.FreeText;

/**
 * A payer's rules as billing staff set them: which codes need authorization, its telehealth
 * modifiers, whether associates bill under their supervisor, its fees, how long it takes claims
 * and, for payers with the Da Vinci PAS interface, where to reach it.
 */
public record ConfigurePayer(
        @FreeText @NotBlank @Size(max = 200) String name,
        @Size(max = 60)
                List<@NotNull @Pattern(regexp = CPT, message = CPT_MESSAGE) String>
                        requiresAuthorization,
        @Valid Telehealth telehealth,
        Boolean supervisedBilling,
        @NotNull(message = "a fee schedule is required: {\"90837\": 150.00, ...}") @Size(max = 200)
                Map<
                                @Pattern(regexp = CPT, message = CPT_MESSAGE) String,
                                @NotNull @DecimalMin("0.00") @DecimalMax("99999.99")
                                @Digits(integer = 5, fraction = 2) BigDecimal>
                        fees,
        @Min(1) @Max(3650) Integer timelyFilingDays,
        @Pattern(
                        regexp = "[A-Z0-9]{2}",
                        message = "must be an X12 claim filing indicator such as CI or MC")
                String claimFilingIndicator,
        @Valid Pas pas) {

    static final String CPT = "[0-9]{4}[0-9A-Z]";
    static final String CPT_MESSAGE = "must be a five-character CPT or HCPCS code such as 90837";

    /** The payer's telehealth modifiers: video 95 or GT, audio-only 93 or FQ. */
    public record Telehealth(
            @Pattern(regexp = "95|GT", message = "must be 95 or GT") String videoModifier,
            @Pattern(regexp = "93|FQ", message = "must be 93 or FQ") String audioOnlyModifier) {}

    /** The payer's Da Vinci PAS endpoint and the client credentials it gave the clinic. */
    public record Pas(
            @NotBlank @Size(max = 500) String baseUrl,
            @NotBlank
                    @Size(max = 200)
                    @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable")
                    String clientId,
            @NotBlank @Size(max = 500) String clientSecret) {}
}
