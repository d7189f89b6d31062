package org.careloop.treatment.plan;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A signature on the plan's current version. The caller is the signer, except for the client's
 * signature, which a clinician of the care team records ({@code witness} for a verbal one).
 */
public record SignPlan(
        @NotNull SignerRole role, SignatureMethod method, @Size(max = 120) String witness) {}
