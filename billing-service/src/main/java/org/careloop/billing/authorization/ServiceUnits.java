package org.careloop.billing.authorization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A service and its units, as asked for or approved: one unit per session for most codes. */
public record ServiceUnits(
        @NotNull
                @Pattern(
                        regexp = "[0-9]{4}[0-9A-Z]",
                        message = "must be a CPT or HCPCS code such as 90837")
                String cpt,
        @NotNull @Min(1) @Max(999) Integer units) {}
