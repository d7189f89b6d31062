package org.careloop.billing.authorization;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The calls owed to payers' PAS interfaces, kept in the database in the caller's transaction, so a
 * submission recorded is a submission that will be sent, whatever restarts in between.
 */
@ApplicationScoped
public class ExchangeQueue {

    public static final String SUBMIT = "SUBMIT";
    public static final String INQUIRE = "INQUIRE";

    public Uni<Void> submit(UUID authorizationId, Instant dueAt) {
        return owe(authorizationId, SUBMIT, dueAt, null);
    }

    public Uni<Void> inquire(UUID authorizationId, Instant dueAt, String payerReference) {
        return owe(authorizationId, INQUIRE, dueAt, payerReference);
    }

    public Uni<Void> settled(UUID authorizationId) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "delete from payer_exchange where authorization_id = :id")
                                        .setParameter("id", authorizationId)
                                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> owe(UUID authorizationId, String action, Instant dueAt, String reference) {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                """
                insert into payer_exchange (authorization_id, action, attempts, due_at, payer_reference)
                values (:id, :action, 0, :due, :reference)
                on conflict (authorization_id) do update
                set action = excluded.action, attempts = 0, due_at = excluded.due_at,
                    last_error = null,
                    payer_reference = coalesce(excluded.payer_reference, payer_exchange.payer_reference)""")
                                        .setParameter("id", authorizationId)
                                        .setParameter("action", action)
                                        .setParameter("due", dueAt)
                                        .setParameter("reference", reference)
                                        .executeUpdate())
                .replaceWithVoid();
    }
}
