package org.careloop.treatment.access;

import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Singleton;
import org.careloop.platform.access.OwnedIdQuery;

/** The ids in treatment's routes that belong to one client: plans and sessions. */
public final class OwnedIds {

    private OwnedIds() {}

    /** A treatment plan's client. */
    @Singleton
    public static class PlanOwner extends OwnedIdQuery {
        PlanOwner(Pool pool) {
            super(pool, "planId", "select client_id from treatment_plan where plan_id = $1");
        }
    }

    /** A session's client. */
    @Singleton
    public static class SessionOwner extends OwnedIdQuery {
        SessionOwner(Pool pool) {
            super(pool, "sessionId", "select client_id from session_record where session_id = $1");
        }
    }
}
