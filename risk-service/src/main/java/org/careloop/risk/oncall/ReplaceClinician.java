package org.careloop.risk.oncall;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A supervisor gives a shift to another clinician. */
public record ReplaceClinician(
        @NotBlank
                @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a Keycloak username")
                String clinician) {}
