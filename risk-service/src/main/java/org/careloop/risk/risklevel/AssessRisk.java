package org.careloop.risk.risklevel;

import org.careloop.contracts.RiskLevel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A clinician's own risk assessment: the level they judge and why. */
public record AssessRisk(@NotNull RiskLevel riskLevel, @NotBlank @Size(max = 4000) String rationale) {
}
