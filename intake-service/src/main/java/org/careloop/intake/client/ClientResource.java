package org.careloop.intake.client;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.platform.access.ClientAccess;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Registering clients and finding them again. */
@Path("/clients")
@Tag(name = "Clients")
public class ClientResource {

    private final Commands commands;
    private final ClientRegistry registry;
    private final Staff staff;
    private final ClientAccess access;
    private final Clock clock;
    private final ZoneId clinicZone;

    ClientResource(
            Commands commands,
            ClientRegistry registry,
            Staff staff,
            ClientAccess access,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone) {
        this.commands = commands;
        this.registry = registry;
        this.staff = staff;
        this.access = access;
        this.clock = clock;
        this.clinicZone = clinicZone;
    }

    @POST
    @RolesAllowed("intake")
    @Operation(summary = "Register a new client; publishes ClientRegistered")
    public Uni<Response> register(
            @NotNull(message = "a JSON body is required") @Valid RegisterClient command,
            @Context UriInfo uri) {
        UUID clientId = UUID.randomUUID();
        List<ClientEvent> events =
                ClientDecider.register(
                        clientId, command, staff.username(), clock.instant(), clinicZone);
        return Panache.withTransaction(
                        () ->
                                commands.record(
                                                History.of(
                                                        StreamId.of(ClientEvent.STREAM, clientId)),
                                                new Decision<>(events, published(events)),
                                                staff.username())
                                        .flatMap(recorded -> registry.find(clientId)))
                .map(
                        client ->
                                Response.created(URI.create(uri.getAbsolutePath() + "/" + clientId))
                                        .entity(ClientView.of(client))
                                        .build());
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(summary = "A client's registration record")
    public Uni<ClientView> get(@PathParam("clientId") String clientId) {
        UUID id = Ids.uuid("clientId", clientId);
        return Panache.withSession(() -> registry.find(id))
                .map(
                        client -> {
                            if (client == null) {
                                throw new ProblemException(
                                        Problem.notFound("client", "no client " + id));
                            }
                            return ClientView.of(client);
                        });
    }

    @GET
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Clients whose first, last or preferred name starts with the search text (at most 50); a"
                            + " clinician finds only the clients they may see")
    public Uni<List<ClientView>> search(@QueryParam("search") String search) {
        if (search == null || search.isBlank()) {
            throw new InvalidCommand(
                    "search", "is required: the start of a first, last or preferred name");
        }
        return access.listableBy(staff)
                .flatMap(among -> Panache.withSession(() -> registry.search(search, among)))
                .map(clients -> clients.stream().map(ClientView::of).toList());
    }

    private static List<IntegrationEvent> published(List<ClientEvent> events) {
        return events.stream().map(ClientResource::toContract).toList();
    }

    private static IntegrationEvent toContract(ClientEvent event) {
        if (event instanceof ClientEvent.Registered e) {
            return new org.careloop.contracts.intake.ClientRegistered(
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
