package org.careloop.intake.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.intake.ClientRegistered;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers a client, however the registration came (a coordinator at the front desk, a partner's
 * inbound referral accepted): the same rules and the same ClientRegistered. Runs in the caller's
 * transaction.
 */
@ApplicationScoped
public class ClientRegistration {

    private final Commands commands;
    private final ClientRegistry registry;
    private final Clock clock;
    private final ZoneId clinicZone;

    ClientRegistration(
            Commands commands,
            ClientRegistry registry,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone) {
        this.commands = commands;
        this.registry = registry;
        this.clock = clock;
        this.clinicZone = clinicZone;
    }

    /** Registers the client under the new id {@code clientId}; returns its registry row. */
    public Uni<RegisteredClient> register(UUID clientId, RegisterClient command, String by) {
        List<ClientEvent> events =
                ClientDecider.register(clientId, command, by, clock.instant(), clinicZone);
        return commands.record(
                        History.of(StreamId.of(ClientEvent.STREAM, clientId)),
                        new Decision<>(events, published(events)),
                        by)
                .flatMap(recorded -> registry.find(clientId));
    }

    private static List<IntegrationEvent> published(List<ClientEvent> events) {
        return events.stream().map(ClientRegistration::toContract).toList();
    }

    private static IntegrationEvent toContract(ClientEvent event) {
        if (event instanceof ClientEvent.Registered e) {
            return new ClientRegistered(
                    e.clientId(),
                    e.firstName(),
                    e.lastName(),
                    e.preferredName(),
                    e.pronouns(),
                    e.dateOfBirth(),
                    e.phone(),
                    e.email(),
                    e.preferredLanguage(),
                    e.registeredAt(),
                    e.registeredBy());
        }
        throw new IllegalArgumentException("no integration event for " + event);
    }
}
