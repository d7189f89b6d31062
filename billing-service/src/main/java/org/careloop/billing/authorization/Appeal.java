package org.careloop.billing.authorization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careloop.platform.problem.FreeText;

/** An appeal of a denial, with the grounds staff sent the payer. */
public record Appeal(@FreeText @NotBlank @Size(max = 4000) String reason) {}
