package org.careloop.billing.coding;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A session as it would be documented, to see how it would be coded for a payer. */
public record PreviewCoding(
        @NotBlank @Size(max = 64) String payerId,
        @NotNull SessionKind type,
        @NotNull @Min(0) @Max(1440) Integer minutes,
        @NotNull Modality modality,
        @NotNull ClientLocation clientLocation,
        Boolean interactiveComplexity) {}
