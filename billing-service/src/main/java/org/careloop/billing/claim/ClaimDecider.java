package org.careloop.billing.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.billing.coding.CodingHold;
import org.careloop.billing.coding.ServiceLine;

/**
 * The rules of a claim: one per documented session, READY when nothing holds it, else HELD with
 * every reason at once (so staff fix them together); exported or voided, it changes no more.
 */
public final class ClaimDecider {

    private ClaimDecider() {}

    public static List<ClaimEvent> evaluate(ClaimState state, ClaimFacts facts, Instant now) {
        if (state.settled()) {
            return List.of();
        }
        List<Hold> holds = new ArrayList<>();
        for (CodingHold hold : facts.coding().holds()) {
            holds.add(
                    switch (hold) {
                        case BELOW_MINIMUM_TIME ->
                                new Hold(
                                        HoldReason.BELOW_MINIMUM_TIME,
                                        facts.minutes()
                                                + " minutes of "
                                                + facts.sessionType()
                                                + " is under the shortest billable time");
                        case NOT_CODABLE ->
                                new Hold(
                                        HoldReason.NOT_CODABLE,
                                        "billing has no coding rule for a "
                                                + facts.sessionType()
                                                + " session of this modality and place");
                    });
        }
        if (facts.payerId() == null) {
            holds.add(
                    new Hold(
                            HoldReason.NO_COVERAGE,
                            "no coverage in effect on " + facts.serviceDate()));
        }
        if (!facts.planInForce()) {
            holds.add(
                    new Hold(
                            HoldReason.NO_ACTIVE_PLAN,
                            "no treatment plan in force on " + facts.serviceDate()));
        }
        if (facts.diagnoses() == 0) {
            holds.add(new Hold(HoldReason.MISSING_DIAGNOSIS, "the session carries no diagnosis"));
        }
        if (!facts.renderingNpi()) {
            holds.add(
                    new Hold(
                            HoldReason.MISSING_NPI,
                            "rendering provider " + facts.renderingClinician() + " has no NPI"));
        }
        if (facts.payer() != null
                && facts.payer().supervisedBilling()
                && facts.supervisingClinician() != null
                && !facts.supervisingNpi()) {
            holds.add(
                    new Hold(
                            HoldReason.MISSING_NPI,
                            "supervising provider "
                                    + facts.supervisingClinician()
                                    + " has no NPI, and "
                                    + facts.payerId()
                                    + " bills under the supervisor"));
        }
        if (facts.payer() != null) {
            // the payer takes a claim within its timely filing limit of the service date
            LocalDate fileBy = facts.serviceDate().plusDays(facts.payer().timelyFilingDays());
            if (facts.evaluatedOn().isAfter(fileBy)) {
                holds.add(
                        new Hold(
                                HoldReason.TIMELY_FILING_PASSED,
                                facts.payerId() + " took claims for this session until " + fileBy));
            }
        }
        if (facts.consentRefusal() != null) {
            holds.add(
                    new Hold(
                            HoldReason.CONSENT_REQUIRED,
                            "a Part 2 record may not go to "
                                    + facts.payerId()
                                    + ": "
                                    + facts.consentRefusal()));
        }
        List<ClaimLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (ServiceLine line : facts.coding().lines()) {
            BigDecimal charge = BigDecimal.ZERO;
            if (facts.payer() != null) {
                BigDecimal fee = facts.payer().fee(line.cpt()).orElse(null);
                if (fee == null) {
                    holds.add(
                            new Hold(
                                    HoldReason.NO_FEE,
                                    facts.payerId() + " has no fee for " + line.cpt()));
                } else {
                    charge = fee.multiply(BigDecimal.valueOf(line.units()));
                }
            }
            UUID authorizationId = null;
            String authorizationNumber = null;
            ClaimFacts.AuthorizationMatch match = facts.authorizations().get(line.cpt());
            if (match instanceof ClaimFacts.AuthorizationMatch.Granted granted) {
                authorizationId = granted.authorizationId();
                authorizationNumber = granted.authorizationNumber();
            } else if (match instanceof ClaimFacts.AuthorizationMatch.Missing missing) {
                holds.add(new Hold(missing.reason(), missing.detail()));
            }
            lines.add(
                    new ClaimLine(
                            line.cpt(),
                            line.units(),
                            line.modifiers(),
                            line.placeOfService(),
                            charge,
                            authorizationId,
                            authorizationNumber));
            total = total.add(charge);
        }
        ClaimStatus status = holds.isEmpty() ? ClaimStatus.READY : ClaimStatus.HELD;
        if (status == state.status()
                && holds.equals(state.holds())
                && lines.equals(state.lines())) {
            return List.of();
        }
        return List.of(
                new ClaimEvent.Evaluated(
                        facts.claimId(),
                        facts.sessionId(),
                        facts.clientId(),
                        facts.payerId(),
                        status,
                        List.copyOf(holds),
                        List.copyOf(lines),
                        total,
                        facts.serviceDate(),
                        now));
    }

    /** The session was voided: so is its claim, whatever it was. */
    public static List<ClaimEvent> voided(
            ClaimState state,
            UUID claimId,
            UUID sessionId,
            UUID clientId,
            String reason,
            Instant now) {
        if (state.status() == ClaimStatus.VOIDED) {
            return List.of();
        }
        return List.of(new ClaimEvent.Voided(claimId, sessionId, clientId, reason, now));
    }

    /** A READY claim goes out in an interchange; nothing else may. */
    public static List<ClaimEvent> exported(
            ClaimState state, UUID exportId, long controlNumber, Instant now) {
        if (state.status() != ClaimStatus.READY) {
            return List.of();
        }
        return List.of(
                new ClaimEvent.Exported(
                        state.claimId(), state.clientId(), exportId, controlNumber, now));
    }
}
