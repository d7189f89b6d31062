package org.careloop.platform.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/**
 * Writes the audit record of a request before the request is handled: one insert, committed on its
 * own, so a crash afterwards cannot lose it. The chainer hashes and publishes it later.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT =
            """
            insert into audit_record (recorded_at, service, request_id, username, roles, client_id, action, method,
                                      route, path, outcome, basis, purpose)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""";

    private final Pool pool;

    AuditTrail(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(AuditEntry entry) {
        return pool.preparedQuery(INSERT)
                .execute(
                        Tuple.from(
                                new Object[] {
                                    entry.recordedAt().atOffset(ZoneOffset.UTC),
                                    entry.service(),
                                    entry.requestId(),
                                    entry.username(),
                                    entry.roles(),
                                    entry.clientId(),
                                    entry.action().name(),
                                    entry.method(),
                                    entry.route(),
                                    entry.path(),
                                    entry.outcome().name(),
                                    entry.basis(),
                                    entry.purpose().name()
                                }))
                .replaceWithVoid();
    }
}
