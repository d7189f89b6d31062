package org.careloop.platform.database;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the service's own database answers right now: tells an outage apart from a failure of one
 * request.
 */
@ApplicationScoped
public class Database {

    private final Pool pool;

    Database(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> reachable() {
        return pool.query("select 1")
                .execute()
                .replaceWith(true)
                .onFailure()
                .recoverWithItem(false);
    }
}
