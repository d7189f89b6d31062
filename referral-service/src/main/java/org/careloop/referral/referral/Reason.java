package org.careloop.referral.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careloop.platform.problem.FreeText;

/** Why a referral is cancelled or put on hold. */
public record Reason(@FreeText @NotBlank @Size(max = 2000) String reason) {}
