package org.careloop.billing.provider;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.careloop.contracts.treatment.StaffCredentialed;
import org.careloop.platform.inbox.ReceivedEvent;
import org.careloop.platform.projection.InboxProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The staff treatment credentialed, the latest credential of each; rebuilt from the inbox history
 * of the service's consumer.
 */
@ApplicationScoped
public class RenderingProviders implements InboxProjection {

    private final String consumer;

    RenderingProviders(@ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.consumer = consumer;
    }

    @Override
    public String name() {
        return "rendering-providers";
    }

    @Override
    public String table() {
        return "rendering_provider";
    }

    @Override
    public String consumer() {
        return consumer;
    }

    /** The known providers among these usernames, by username; in the caller's session. */
    public Uni<Map<String, RenderingProvider>> byUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return RenderingProvider.<RenderingProvider>list("username in ?1", usernames)
                .map(
                        providers ->
                                providers.stream()
                                        .collect(
                                                Collectors.toMap(
                                                        p -> p.username, Function.identity())));
    }

    @Override
    public Uni<Void> reset() {
        return RenderingProvider.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(ReceivedEvent received) {
        if (received.event().orElse(null) instanceof StaffCredentialed credentialed) {
            return credential(credentialed);
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> credential(StaffCredentialed event) {
        return RenderingProvider.<RenderingProvider>findById(event.username())
                .flatMap(
                        known -> {
                            RenderingProvider provider =
                                    known == null ? new RenderingProvider() : known;
                            provider.username = event.username();
                            provider.displayName = event.displayName();
                            provider.credential = event.credential();
                            provider.licensed = event.licensed();
                            provider.supervisor = event.supervisor();
                            provider.npi = event.npi();
                            provider.credentialedAt = event.credentialedAt();
                            provider.credentialedBy = event.credentialedBy();
                            return known == null
                                    ? provider.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
