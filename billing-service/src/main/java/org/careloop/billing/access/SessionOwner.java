package org.careloop.billing.access;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnedIdQuery;

/** A delivered session's client: the access check reaches the client through {@code sessionId}. */
@Singleton
public class SessionOwner extends OwnedIdQuery {

    SessionOwner(Pool pool) {
        super(pool, "sessionId", "select client_id from delivered_session where session_id = $1");
    }
}
