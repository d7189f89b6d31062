package org.careloop.intake.client;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The intake coordinator's request to register a new client. */
public record RegisterClient(
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull LocalDate dateOfBirth,
        @Size(max = 100) String preferredName,
        @Size(max = 40) String pronouns,
        @Size(max = 30) @PhoneNumber String phone,
        @Email @Size(max = 254) String email,
        @Pattern(
                        regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                        message = "must be a language tag, e.g. en or es-MX")
                String preferredLanguage) {}
