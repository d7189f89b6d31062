package org.careloop.intake.client;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/**
 * Intake's read model of clients, updated in the same transaction as each append and rebuildable
 * from the store.
 */
@ApplicationScoped
public class ClientRegistry implements StoreProjection {

    static final int SEARCH_LIMIT = 50;

    @Override
    public String name() {
        return "clients";
    }

    @Override
    public String table() {
        return "client_registry";
    }

    @Override
    public String streamType() {
        return ClientEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return RegisteredClient.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return apply(stored.decode(ClientEvent.class), stored.version);
    }

    Uni<Void> apply(ClientEvent event, int version) {
        if (event instanceof ClientEvent.Registered registered) {
            RegisteredClient client = new RegisteredClient();
            client.clientId = registered.clientId();
            client.firstName = registered.firstName();
            client.lastName = registered.lastName();
            client.preferredName = registered.preferredName();
            client.pronouns = registered.pronouns();
            client.dateOfBirth = registered.dateOfBirth();
            client.phone = registered.phone();
            client.email = registered.email();
            client.preferredLanguage = registered.preferredLanguage();
            client.registeredAt = registered.registeredAt();
            client.registeredBy = registered.registeredBy();
            client.version = version;
            return Panache.getSession().flatMap(session -> session.persist(client));
        }
        return Uni.createFrom().voidItem();
    }

    public Uni<RegisteredClient> find(UUID clientId) {
        return RegisteredClient.findById(clientId);
    }

    /**
     * Clients whose first, last or preferred name starts with the given text, by last name; only
     * those in {@code among} when it is given (the clients a clinician may see).
     */
    public Uni<List<RegisteredClient>> search(
            String name, java.util.Optional<java.util.Set<UUID>> among) {
        String prefix =
                name.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        List<UUID> clients =
                among.map(List::copyOf)
                        .filter(ids -> !ids.isEmpty())
                        .orElse(List.of(new UUID(0, 0)));
        return RegisteredClient.<RegisteredClient>find(
                        "(lower(firstName) like ?1 or lower(lastName) like ?1 or lower(preferredName) like ?1)"
                                + " and (?2 = true or clientId in ?3)"
                                + " order by lower(lastName), lower(firstName)",
                        prefix,
                        among.isEmpty(),
                        clients)
                .range(0, SEARCH_LIMIT - 1)
                .list();
    }
}
