package org.careloop.referral.access;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnedIdQuery;

/** A referral's client: the access check reaches the client through {@code referralId}. */
@Singleton
public class ReferralOwner extends OwnedIdQuery {

    ReferralOwner(Pool pool) {
        super(pool, "referralId", "select client_id from referral where referral_id = $1");
    }
}
