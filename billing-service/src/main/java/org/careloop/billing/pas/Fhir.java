package org.careloop.billing.pas;

import ca.uhn.fhir.context.FhirContext;

/** The one FHIR R4 context of the PAS exchange: costly to create, safe to share. */
final class Fhir {

    static final FhirContext R4 = FhirContext.forR4();

    private Fhir() {}
}
