package org.careloop.risk.access;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnedIdQuery;

/** An alert's client: the access check reaches the client through {@code alertId}. */
@Singleton
public class AlertOwner extends OwnedIdQuery {

    AlertOwner(Pool pool) {
        super(pool, "alertId", "select client_id from alert_board where alert_id = $1");
    }
}
