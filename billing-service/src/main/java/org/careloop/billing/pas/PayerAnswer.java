package org.careloop.billing.pas;

import java.time.LocalDate;
import java.util.List;

/** What a payer's ClaimResponse says about a prior authorization: decided, or not yet. */
public sealed interface PayerAnswer {

    /**
     * The payer decided: the services it approved (none when denied), the dates they cover and its
     * authorization number (null when denied, unless the payer gave them all the same), its reason
     * if it gave one, and its own reference for the request, if any, for later inquiries.
     */
    record Decided(
            Outcome outcome,
            String authorizationNumber,
            List<RequestedService> services,
            LocalDate startDate,
            LocalDate endDate,
            String reason,
            String payerReference)
            implements PayerAnswer {

        public Decided {
            services = List.copyOf(services);
        }
    }

    /** The payer has not decided yet; ask again later, naming its reference if it gave one. */
    record Pended(String reason, String payerReference) implements PayerAnswer {}
}
