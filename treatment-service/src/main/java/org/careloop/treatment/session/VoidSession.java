package org.careloop.treatment.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a session was entered in error. */
public record VoidSession(@NotBlank @Size(max = 500) String reason) {}
