package org.careloop.treatment.careteam;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.treatment.ClientDischarged;
import org.careloop.contracts.treatment.ClinicianAssigned;
import org.careloop.contracts.treatment.ClinicianUnassigned;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.Refused;

/** Runs care-team decisions on a known client's stream, in the caller's transaction. */
@ApplicationScoped
public class CareTeamCommands {

    private final Commands commands;
    private final ClientDirectory clients;

    CareTeamCommands(Commands commands, ClientDirectory clients) {
        this.commands = commands;
        this.clients = clients;
    }

    /** The client as treatment knows them; a 404 problem until intake's event has arrived. */
    public Uni<KnownClient> requireClient(UUID clientId) {
        return clients.find(clientId)
                .map(
                        client -> {
                            if (client == null) {
                                throw Refused.notFound(
                                        "client", "no client " + clientId + " is known here");
                            }
                            return client;
                        });
    }

    public Uni<List<CareTeamEvent>> decide(
            UUID clientId, Function<CareTeam, List<CareTeamEvent>> decider, String actor) {
        return requireClient(clientId)
                .flatMap(
                        client ->
                                commands.handle(
                                        stream(clientId),
                                        CareTeamEvent.class,
                                        history -> {
                                            List<CareTeamEvent> events =
                                                    decider.apply(CareTeam.of(history.events()));
                                            return new Decision<>(events, published(events));
                                        },
                                        actor))
                .map(recorded -> recorded.decision().events());
    }

    private static StreamId stream(UUID clientId) {
        return StreamId.of(CareTeamEvent.STREAM, clientId);
    }

    private static List<IntegrationEvent> published(List<CareTeamEvent> events) {
        return events.stream().map(CareTeamCommands::toContract).toList();
    }

    private static IntegrationEvent toContract(CareTeamEvent event) {
        return switch (event) {
            case CareTeamEvent.Assigned a ->
                    new ClinicianAssigned(
                            a.clientId(), a.clinician(), a.role().name(), a.assignedAt(), a.by());
            case CareTeamEvent.Unassigned u ->
                    new ClinicianUnassigned(
                            u.clientId(),
                            u.clinician(),
                            u.role().name(),
                            u.reason(),
                            u.unassignedAt(),
                            u.by());
            case CareTeamEvent.Discharged d ->
                    new ClientDischarged(
                            d.clientId(),
                            d.reason(),
                            d.criteriaMet(),
                            d.aftercare(),
                            d.dischargedAt(),
                            d.by());
        };
    }
}
