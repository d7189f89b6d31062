package org.careloop.intake.assessment;

import java.util.List;
import org.careloop.contracts.RiskLevel;

/**
 * What an instrument's answers mean: the total and its band for scored instruments, the suicide
 * risk level where the instrument assesses it (null where it does not), flags for what stands out
 * and the actions the screen calls for.
 */
public record Score(
        Integer totalScore,
        String severity,
        RiskLevel riskLevel,
        List<String> flags,
        List<String> actions) {}
