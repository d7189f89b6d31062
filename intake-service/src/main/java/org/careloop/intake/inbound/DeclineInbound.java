package org.careloop.intake.inbound;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careloop.platform.problem.FreeText;

/** The coordinator's decline of an inbound referral, with the reason the partner is told. */
public record DeclineInbound(@FreeText @NotBlank @Size(max = 2000) String reason) {}
