package org.careloop.treatment.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.careloop.platform.problem.FreeText;

/** Text added to a signed note; the note itself never changes. */
public record AddAddendum(@NotBlank @Size(max = 4000) @FreeText String text) {}
