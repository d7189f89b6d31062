package org.careloop.risk.safetyplan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The six sections of a Stanley-Brown safety plan, in order, each a list of the client's own words
 * (Stanley & Brown, Cognitive and Behavioral Practice 2012).
 */
public record SafetyPlanSections(
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> warningSigns,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> internalCopingStrategies,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> socialDistractions,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> peopleToAskForHelp,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> professionalContacts,
        @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> environmentSafety) {}
