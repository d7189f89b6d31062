package org.careloop.platform.consent;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.intake.ConsentRevoked;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The projection of intake's consents that a service disclosing records (referral, billing) keeps,
 * so it can run {@link ConsentCheck} without asking intake. Rebuilt from the inbox history of the
 * service's intake consumer. A service keeps it by setting {@code
 * careloop.consent-registry.enabled=true} at build time and passing intake's events to {@link
 * #apply}.
 */
@ApplicationScoped
@IfBuildProperty(name = "careloop.consent-registry.enabled", stringValue = "true")
public class Consents implements InboxProjection {

    private static final Logger LOG = Logger.getLogger(Consents.class);

    private final String consumer;

    Consents(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "consent-registry";
    }

    @Override
    public String table() {
        return "consent_registry";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    @Override
    public Uni<Void> reset() {
        return KnownConsent.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        Object event = received.event().orElse(null);
        if (event instanceof ConsentRecorded recorded) {
            return Panache.getSession()
                    .flatMap(session -> session.persist(KnownConsent.recorded(recorded)));
        }
        if (event instanceof ConsentRevoked revoked) {
            return KnownConsent.<KnownConsent>findById(revoked.consentId())
                    .invoke(
                            consent -> {
                                if (consent == null) {
                                    // Intake publishes a consent's recording before its revocation,
                                    // under the same key; only a consent never recorded lands here.
                                    LOG.warnf(
                                            "revocation of unknown consent %s ignored",
                                            revoked.consentId());
                                } else {
                                    consent.revoke(revoked);
                                }
                            })
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    /** The client's consents, for {@link ConsentCheck#check}; run inside a session. */
    public Uni<List<ClientConsent>> of(UUID clientId) {
        return KnownConsent.<KnownConsent>list("clientId = ?1 order by recordedAt", clientId)
                .map(
                        rows ->
                                rows.stream()
                                        .map(KnownConsent::toClientConsent)
                                        .flatMap(Optional::stream)
                                        .toList());
    }
}
