package org.careloop.treatment.careteam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Put a clinician on a client's care team in a role. */
public record AssignClinician(
        @NotBlank @Size(max = 64) String clinician, @NotNull CareTeamRole role) {}
