package org.careloop.treatment.discharge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.careloop.platform.problem.FreeText;

/**
 * The end of an episode of care: why, whether the plan's discharge criteria were met, what next.
 */
public record DischargeClient(
        @NotBlank @Size(max = 500) String reason,
        @NotNull Boolean criteriaMet,
        @Size(max = 2000) @FreeText String aftercare) {}
