package org.careloop.treatment.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A supervisor's or admin's record of a staff member's credential. */
public record CredentialStaff(
        @NotBlank @Size(max = 120) String displayName,
        @NotNull Credential credential,
        @NotNull Boolean licensed,
        @Size(max = 64) String supervisor,
        @Pattern(regexp = "[0-9]{10}", message = "must be 10 digits") String npi) {}
