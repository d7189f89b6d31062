package org.careloop.platform.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careloop.platform.problem.FreeText;

/** A request for emergency access to a client: the reason is required and kept for the review. */
public record BreakTheGlass(@NotBlank @Size(min = 10, max = 1000) @FreeText String reason) {}
