package org.careloop.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/** The one FHIR R4 context of the partner interface: costly to create, safe to share. */
public final class Fhir {

    public static final FhirContext R4 = FhirContext.forR4();

    public static final String JSON = "application/fhir+json";

    private Fhir() {}

    /** A parser that refuses what R4 does not define (an unknown element, a wrong type). */
    static IParser strictParser() {
        return R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    static IParser writer() {
        return R4.newJsonParser();
    }
}
