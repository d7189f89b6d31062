package org.careloop.billing.claimtrigger;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * What changes claims, as the rest of billing sees it: a session documented or voided, and causes
 * of a hold that may just have gone (a coverage or authorization recorded, a payer's rules changed,
 * a provider credentialed, a plan approved), or of one that may just have come. Each runs in the
 * caller's transaction.
 */
public interface ClaimTriggers {

    Uni<Void> sessionDocumented(UUID sessionId);

    Uni<Void> sessionVoided(UUID sessionId, String reason);

    Uni<Void> reconsiderClient(UUID clientId);

    Uni<Void> reconsiderPayer(String payerId);

    Uni<Void> reconsiderProvider(String username);
}
