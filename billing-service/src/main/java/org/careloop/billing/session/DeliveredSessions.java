package org.careloop.billing.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.treatment.SessionDocumented;
import org.careloop.contracts.treatment.SessionVoided;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The sessions treatment delivered, one row each, projected from its documented and voided
 * sessions; rebuilt from the inbox history of the service's consumer.
 */
@ApplicationScoped
public class DeliveredSessions implements InboxProjection {

    private static final Logger LOG = Logger.getLogger(DeliveredSessions.class);

    private final String consumer;

    DeliveredSessions(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "delivered-sessions";
    }

    @Override
    public String table() {
        return "delivered_session";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    /** A client's sessions, newest first; in the caller's session. */
    public Uni<List<DeliveredSession>> ofClient(UUID clientId) {
        return DeliveredSession.list(
                "clientId = ?1 order by startedAt desc nulls last, documentedAt desc, sessionId",
                clientId);
    }

    public Uni<DeliveredSession> find(UUID sessionId) {
        return DeliveredSession.findById(sessionId);
    }

    @Override
    public Uni<Void> reset() {
        return DeliveredSession.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        return switch (received.event().orElse(null)) {
            case SessionDocumented documented -> documented(documented);
            case SessionVoided voided -> voided(voided);
            case null, default -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> documented(SessionDocumented event) {
        return DeliveredSession.<DeliveredSession>findById(event.sessionId())
                .flatMap(
                        known -> {
                            DeliveredSession session =
                                    known == null ? new DeliveredSession() : known;
                            session.sessionId = event.sessionId();
                            session.clientId = event.clientId();
                            session.type = event.type();
                            session.startedAt = event.startedAt();
                            session.endedAt = event.endedAt();
                            session.minutes = event.minutes();
                            session.modality = event.modality();
                            session.clientLocation = event.clientLocation();
                            session.interactiveComplexity = event.interactiveComplexity();
                            session.renderingClinician = event.renderingClinician();
                            session.supervisingClinician = event.supervisingClinician();
                            session.diagnoses =
                                    EventJson.encode(
                                            event.diagnoses() == null
                                                    ? List.of()
                                                    : event.diagnoses());
                            session.planId = event.planId();
                            session.groupSessionId = event.groupSessionId();
                            session.documentedAt = event.documentedAt();
                            // A void is final: documenting the same session again does not undo it.
                            if (session.status == null) {
                                session.status = DeliveredSession.DOCUMENTED;
                            }
                            return known == null
                                    ? session.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }

    private Uni<Void> voided(SessionVoided event) {
        return DeliveredSession.<DeliveredSession>findById(event.sessionId())
                .invoke(
                        session -> {
                            if (session == null) {
                                LOG.warnf(
                                        "session %s was voided but never documented here; nothing to void",
                                        event.sessionId());
                                return;
                            }
                            session.status = DeliveredSession.VOIDED;
                            session.voidReason = event.reason();
                            session.voidedAt = event.voidedAt();
                            session.voidedBy = event.voidedBy();
                        })
                .replaceWithVoid();
    }
}
