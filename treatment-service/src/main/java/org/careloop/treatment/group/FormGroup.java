package org.careloop.treatment.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Form a therapy group, led by a facilitator (and any co-facilitators) with a staff record. */
public record FormGroup(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 64) String facilitator,
        @Size(max = 5) List<@NotBlank @Size(max = 64) String> coFacilitators) {}
