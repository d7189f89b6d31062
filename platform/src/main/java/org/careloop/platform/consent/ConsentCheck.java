package org.careloop.platform.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which of a client's consents permits disclosing a record to a recipient for a purpose on a day,
 * or why none does. Pure: the consents and the day are passed in.
 *
 * <p>Only an active DISCLOSURE consent naming the recipient and the purpose permits a disclosure,
 * and a 42 CFR Part 2 record needs one that covers Part 2 (42 CFR 2.31, 2.33). Whether a record
 * that is not Part 2 needs a consent at all is the caller's policy.
 */
public final class ConsentCheck {

    private ConsentCheck() {}

    /** The answer: the consent that permits the disclosure, or the reason none does. */
    public sealed interface Verdict {

        boolean permitted();
    }

    public record Permitted(ClientConsent consent) implements Verdict {

        @Override
        public boolean permitted() {
            return true;
        }
    }

    public record Refused(String reason) implements Verdict {

        @Override
        public boolean permitted() {
            return false;
        }
    }

    /**
     * Of several consents that permit it, the one in force longest from today (no expiry first),
     * then the most recently effective.
     */
    public static Verdict check(
            List<ClientConsent> consents,
            String recipient,
            Purpose purpose,
            boolean part2,
            LocalDate today) {
        List<String> near = new ArrayList<>();
        Optional<ClientConsent> best =
                consents.stream()
                        .filter(c -> c.kind() == ConsentKind.DISCLOSURE)
                        .filter(c -> recipient != null && recipient.equals(c.recipient()))
                        .filter(
                                c -> {
                                    String defect = defect(c, purpose, part2, today);
                                    if (defect != null) {
                                        near.add("consent " + c.consentId() + " " + defect);
                                    }
                                    return defect == null;
                                })
                        .max(
                                Comparator.comparing(
                                                (ClientConsent c) ->
                                                        c.expiresOn() == null
                                                                ? LocalDate.MAX
                                                                : c.expiresOn())
                                        .thenComparing(ClientConsent::effectiveOn)
                                        .thenComparing(ClientConsent::consentId));
        if (best.isPresent()) {
            return new Permitted(best.get());
        }
        String reason =
                "no active DISCLOSURE consent for recipient "
                        + recipient
                        + " covering "
                        + purpose
                        + (part2 ? " and Part 2" : "");
        return new Refused(near.isEmpty() ? reason : reason + " (" + String.join("; ", near) + ")");
    }

    /** Why this consent for the recipient does not permit the disclosure, or null if it does. */
    private static String defect(
            ClientConsent consent, Purpose purpose, boolean part2, LocalDate today) {
        switch (consent.status(today)) {
            case REVOKED -> {
                return "was revoked";
            }
            case EXPIRED -> {
                return "expired on " + consent.expiresOn();
            }
            case PENDING -> {
                return "takes effect on " + consent.effectiveOn();
            }
            case ACTIVE -> {}
        }
        if (!consent.purposes().contains(purpose)) {
            return "does not cover " + purpose;
        }
        if (part2 && !consent.coversPart2()) {
            return "does not cover Part 2 records";
        }
        return null;
    }
}
