package org.careloop.treatment.emergency;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.careloop.platform.problem.FreeText;

/** A supervisor's finding on one emergency access. */
public record ReviewEmergencyAccess(
        @NotNull Finding finding, @Size(max = 2000) @FreeText String note) {}
