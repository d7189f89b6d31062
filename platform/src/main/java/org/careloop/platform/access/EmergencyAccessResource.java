package org.careloop.platform.access;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Breaking the glass, the same in every service: access to one client, for a while, reviewed. */
@Path("/clients/{clientId}/emergency-access")
@Tag(name = "Emergency access")
public class EmergencyAccessResource {

    private final Commands commands;
    private final Pool pool;
    private final String clientTable;
    private final AccessPolicy policy;
    private final Staff caller;
    private final Clock clock;
    private final String service;

    EmergencyAccessResource(
            Commands commands,
            Pool pool,
            @ConfigProperty(
                            name = "careloop.access.client-table",
                            defaultValue = "client_directory")
                    String clientTable,
            AccessPolicy policy,
            Staff caller,
            Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.commands = commands;
        this.pool = pool;
        this.clientTable = clientTable;
        this.policy = policy;
        this.caller = caller;
        this.clock = clock;
        this.service = service;
    }

    @POST
    @RolesAllowed({"clinician", "oncall", "supervisor"})
    @RelationNotRequired
    @Operation(
            summary =
                    "Break the glass: access to this client in every service for a limited time (default 60"
                            + " minutes), with a reason; announced to supervisors and reviewed afterwards."
                            + " Publishes EmergencyAccessGranted")
    public Uni<Response> grant(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid BreakTheGlass command) {
        UUID client = Ids.uuid("clientId", clientId);
        UUID grantId = UUID.randomUUID();
        Instant now = clock.instant();
        String username = caller.username();
        return known(client)
                .flatMap(
                        known -> {
                            if (!known) {
                                throw new ProblemException(
                                        Problem.notFound(
                                                "client",
                                                "no client " + client + " is known here"));
                            }
                            return Panache.withTransaction(
                                    () ->
                                            commands.handle(
                                                    StreamId.of(
                                                            EmergencyAccessEvent.STREAM, grantId),
                                                    EmergencyAccessEvent.class,
                                                    history -> {
                                                        List<EmergencyAccessEvent> events =
                                                                EmergencyAccessDecider.grant(
                                                                        grantId,
                                                                        client,
                                                                        command,
                                                                        history.events(),
                                                                        username,
                                                                        now,
                                                                        policy.emergencyDuration());
                                                        return new Decision<>(
                                                                events, published(events));
                                                    },
                                                    username));
                        })
                .map(
                        recorded -> {
                            EmergencyAccessEvent.Granted granted =
                                    (EmergencyAccessEvent.Granted)
                                            recorded.decision().events().getFirst();
                            return Response.status(Response.Status.CREATED)
                                    .entity(GrantView.of(granted, service))
                                    .build();
                        });
    }

    /** Whether intake's registration of the client has reached this service. */
    private Uni<Boolean> known(UUID client) {
        return pool.preparedQuery("select 1 from " + clientTable + " where client_id = $1")
                .execute(Tuple.of(client))
                .map(rows -> rows.iterator().hasNext());
    }

    private List<IntegrationEvent> published(List<EmergencyAccessEvent> events) {
        return events.stream()
                .map(
                        event ->
                                (IntegrationEvent)
                                        EmergencyGrants.published(
                                                (EmergencyAccessEvent.Granted) event, service))
                .toList();
    }

    /** A grant as its holder sees it. */
    public record GrantView(
            UUID grantId,
            UUID clientId,
            String username,
            String reason,
            String grantedBy,
            Instant grantedAt,
            Instant expiresAt) {

        static GrantView of(EmergencyAccessEvent.Granted granted, String service) {
            return new GrantView(
                    granted.grantId(),
                    granted.clientId(),
                    granted.username(),
                    granted.reason(),
                    service,
                    granted.grantedAt(),
                    granted.expiresAt());
        }
    }
}
