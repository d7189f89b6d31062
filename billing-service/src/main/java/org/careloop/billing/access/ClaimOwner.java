package org.careloop.billing.access;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnedIdQuery;

/** A claim's client: the access check reaches the client through {@code claimId}. */
@Singleton
public class ClaimOwner extends OwnedIdQuery {

    ClaimOwner(Pool pool) {
        super(pool, "claimId", "select client_id from claim where claim_id = $1");
    }
}
