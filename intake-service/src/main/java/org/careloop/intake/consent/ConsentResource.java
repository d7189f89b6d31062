package org.careloop.intake.consent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.intake.ConsentRecorded;
import org.careloop.contracts.intake.ConsentRevoked;
import org.careloop.intake.client.ClientRegistry;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's consents: recording one, revoking it, and reading them with their status today. */
@Path("/clients/{clientId}/consents")
@Tag(name = "Consents")
public class ConsentResource {

    private final Commands commands;
    private final ClientConsents consents;
    private final ClientRegistry clients;
    private final Staff staff;
    private final Clock clock;
    private final ZoneId clinicZone;

    ConsentResource(
            Commands commands,
            ClientConsents consents,
            ClientRegistry clients,
            Staff staff,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone) {
        this.commands = commands;
        this.consents = consents;
        this.clients = clients;
        this.staff = staff;
        this.clock = clock;
        this.clinicZone = clinicZone;
    }

    @POST
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Record a consent the client gave (TREATMENT, TELEHEALTH, or DISCLOSURE to a named"
                            + " recipient for named purposes, optionally covering 42 CFR Part 2"
                            + " records); publishes ConsentRecorded")
    public Uni<Response> record(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid RecordConsent command,
            @Context UriInfo uri) {
        UUID client = Ids.uuid("clientId", clientId);
        UUID consentId = UUID.randomUUID();
        List<ConsentEvent> events =
                ConsentDecider.record(
                        consentId, client, command, staff.username(), clock.instant(), clinicZone);
        return Panache.withTransaction(
                        () ->
                                ofKnownClient(
                                        client,
                                        () ->
                                                commands.record(
                                                                History.of(
                                                                        StreamId.of(
                                                                                ConsentEvent.STREAM,
                                                                                consentId)),
                                                                new Decision<>(
                                                                        events, published(events)),
                                                                staff.username())
                                                        .flatMap(
                                                                recorded ->
                                                                        consents.find(consentId))))
                .map(
                        consent ->
                                Response.created(
                                                URI.create(uri.getAbsolutePath() + "/" + consentId))
                                        .entity(ConsentView.of(consent, today()))
                                        .build());
    }

    @POST
    @Path("/{consentId}/revocation")
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Revoke a consent, for the reason the client gave; publishes ConsentRevoked. A"
                            + " second revocation is a 409")
    public Uni<ConsentView> revoke(
            @PathParam("clientId") String clientId,
            @PathParam("consentId") String consentId,
            @NotNull(message = "a JSON body is required") @Valid RevokeConsent command) {
        UUID client = Ids.uuid("clientId", clientId);
        UUID consent = Ids.uuid("consentId", consentId);
        return Panache.withTransaction(
                        () ->
                                ofKnownClient(
                                        client,
                                        () ->
                                                commands.handle(
                                                                StreamId.of(
                                                                        ConsentEvent.STREAM,
                                                                        consent),
                                                                ConsentEvent.class,
                                                                history ->
                                                                        revocation(
                                                                                consent, client,
                                                                                history, command),
                                                                staff.username())
                                                        .flatMap(
                                                                recorded ->
                                                                        consents.find(consent))))
                .map(found -> ConsentView.of(found, today()));
    }

    @GET
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(
            summary =
                    "The client's consents, most recently recorded first, each with its status today"
                            + " (PENDING, ACTIVE, EXPIRED or REVOKED)")
    public Uni<List<ConsentView>> list(@PathParam("clientId") String clientId) {
        UUID client = Ids.uuid("clientId", clientId);
        LocalDate today = today();
        return Panache.withSession(() -> ofKnownClient(client, () -> consents.of(client)))
                .map(found -> found.stream().map(c -> ConsentView.of(c, today)).toList());
    }

    @GET
    @Path("/{consentId}")
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(summary = "One consent of the client, with its status today")
    public Uni<ConsentView> get(
            @PathParam("clientId") String clientId, @PathParam("consentId") String consentId) {
        UUID client = Ids.uuid("clientId", clientId);
        UUID consent = Ids.uuid("consentId", consentId);
        return Panache.withSession(() -> ofKnownClient(client, () -> consents.find(consent)))
                .map(
                        found -> {
                            if (found == null || !found.clientId.equals(client)) {
                                throw new ProblemException(
                                        Problem.notFound(
                                                "consent",
                                                "no consent " + consent + " of client " + client));
                            }
                            return ConsentView.of(found, today());
                        });
    }

    private Decision<ConsentEvent> revocation(
            UUID consent, UUID client, History<ConsentEvent> history, RevokeConsent command) {
        List<ConsentEvent> events =
                ConsentDecider.revoke(
                        consent,
                        client,
                        history.events(),
                        command,
                        staff.username(),
                        clock.instant());
        return new Decision<>(events, published(events));
    }

    /** Runs {@code then} for a client intake knows; 404 otherwise. */
    private <T> Uni<T> ofKnownClient(UUID client, Supplier<Uni<T>> then) {
        return clients.find(client)
                .flatMap(
                        found -> {
                            if (found == null) {
                                throw new ProblemException(
                                        Problem.notFound("client", "no client " + client));
                            }
                            return then.get();
                        });
    }

    private LocalDate today() {
        return clock.instant().atZone(clinicZone).toLocalDate();
    }

    private static List<IntegrationEvent> published(List<ConsentEvent> events) {
        return events.stream().map(ConsentResource::toContract).toList();
    }

    static IntegrationEvent toContract(ConsentEvent event) {
        return switch (event) {
            case ConsentEvent.Recorded e ->
                    new ConsentRecorded(
                            e.clientId(),
                            e.consentId(),
                            e.kind().name(),
                            e.recipient(),
                            e.purposes().stream().map(Enum::name).toList(),
                            e.coversPart2(),
                            e.effectiveOn(),
                            e.expiresOn(),
                            e.recordedAt(),
                            e.recordedBy());
            case ConsentEvent.Revoked e ->
                    new ConsentRevoked(
                            e.clientId(), e.consentId(), e.reason(), e.revokedAt(), e.revokedBy());
        };
    }
}
