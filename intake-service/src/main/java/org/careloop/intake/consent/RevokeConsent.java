package org.careloop.intake.consent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The client withdraws a consent, for the reason they gave. */
public record RevokeConsent(@NotBlank @Size(max = 500) String reason) {}
