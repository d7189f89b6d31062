package org.careloop.platform.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The projection of intake's clients that every other service keeps, so it can name and reach a
 * client without asking intake. Rebuilt from the inbox history of the service's intake consumer.
 */
@ApplicationScoped
public class ClientDirectory implements InboxProjection {

    private final String consumer;

    ClientDirectory(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public String table() {
        return "client_directory";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    public Uni<KnownClient> find(UUID clientId) {
        return KnownClient.findById(clientId);
    }

    /**
     * The client, or a 404 problem while intake's event has not arrived; in the caller's session.
     */
    public Uni<KnownClient> known(UUID clientId) {
        return find(clientId)
                .invoke(
                        client -> {
                            if (client == null) {
                                throw new ProblemException(
                                        Problem.notFound(
                                                "client",
                                                "no client " + clientId + " is known here"));
                            }
                        });
    }

    /**
     * The client for an API caller: 400 for a malformed id, 404 while intake's event has not
     * arrived.
     */
    public Uni<ClientSummary> summary(String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> find(id))
                .map(
                        client -> {
                            if (client == null) {
                                throw new ProblemException(
                                        Problem.notFound(
                                                "client", "no client " + id + " is known here"));
                            }
                            return ClientSummary.of(client);
                        });
    }

    @Override
    public Uni<Void> reset() {
        return KnownClient.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        if (received.event().orElse(null) instanceof ClientRegistered registered) {
            return register(registered, received);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> register(ClientRegistered event, ReceivedEvent received) {
        KnownClient client = new KnownClient();
        client.clientId = event.clientId();
        client.firstName = event.firstName();
        client.lastName = event.lastName();
        client.preferredName = event.preferredName();
        client.pronouns = event.pronouns();
        client.dateOfBirth = event.dateOfBirth();
        client.phone = event.phone();
        client.email = event.email();
        client.preferredLanguage = event.preferredLanguage();
        client.registeredAt = event.registeredAt();
        client.updatedAt =
                received.occurredAt() == null ? event.registeredAt() : received.occurredAt();
        return Panache.getSession().flatMap(session -> session.persist(client));
    }
}
