package org.careloop.contracts;

/**
 * One topic per producing service, and {@code access.events} that every service disclosing a record
 * publishes on; every consumer has its own dead-letter topic named {@code <consumer>.dlq}.
 */
public final class Topics {

    public static final String INTAKE = "intake.events";
    public static final String TREATMENT = "treatment.events";
    public static final String RISK = "risk.events";
    public static final String REFERRAL = "referral.events";
    public static final String BILLING = "billing.events";

    /**
     * Emergency access grants and their review, and disclosures of client records outside the
     * clinic: published by any service, read by every service.
     */
    public static final String ACCESS = "access.events";

    /** Every service's audit records, as FHIR AuditEvent resources, for a security team's SIEM. */
    public static final String AUDIT = "audit.events";

    private Topics() {}

    public static String deadLetters(String consumer) {
        return consumer + ".dlq";
    }
}
