package org.careloop.risk.risklevel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.careloop.contracts.RiskLevel;
import org.careloop.platform.problem.FreeText;

/** A clinician's own risk assessment: the level they judge and why. */
public record AssessRisk(
        @NotNull RiskLevel riskLevel, @FreeText @NotBlank @Size(max = 4000) String rationale) {}
