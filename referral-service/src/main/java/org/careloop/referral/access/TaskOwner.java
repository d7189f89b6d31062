package org.careloop.referral.access;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnedIdQuery;

/**
 * A partner's Task is a referral: the access check reaches the client through {@code taskId}, so a
 * partner's every read and change is audited against the client.
 */
@Singleton
public class TaskOwner extends OwnedIdQuery {

    TaskOwner(Pool pool) {
        super(
                pool,
                "taskId",
                "select client_id from referral where referral_id = $1 and requested_at is not null");
    }
}
