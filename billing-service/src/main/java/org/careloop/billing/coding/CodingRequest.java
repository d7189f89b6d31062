package org.careloop.billing.coding;

import java.util.Objects;

/** A delivered session as the coder sees it: its kind, length, how and where it took place. */
public record CodingRequest(
        SessionKind kind,
        int minutes,
        Modality modality,
        ClientLocation clientLocation,
        boolean interactiveComplexity) {

    public CodingRequest {
        Objects.requireNonNull(kind, "kind is required");
        Objects.requireNonNull(modality, "modality is required");
        Objects.requireNonNull(clientLocation, "clientLocation is required");
        if (minutes < 0) {
            throw new IllegalArgumentException("minutes must not be negative: " + minutes);
        }
    }
}
