package org.careloop.billing.coverage;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.careloop.billing.claimtrigger.ClaimTriggers;
import org.careloop.billing.payer.PayerDirectory;
import org.careloop.billing.payer.Payers;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's insurance coverages. */
@Path("/clients/{clientId}/coverages")
@Tag(name = "Coverage")
public class CoverageResource {

    private final Commands commands;
    private final Coverages coverages;
    private final PayerDirectory payers;
    private final ClientDirectory clients;
    private final ClaimTriggers held;
    private final Clock clock;
    private final Staff caller;

    CoverageResource(
            Commands commands,
            Coverages coverages,
            PayerDirectory payers,
            ClientDirectory clients,
            ClaimTriggers held,
            Clock clock,
            Staff caller) {
        this.commands = commands;
        this.coverages = coverages;
        this.payers = payers;
        this.clients = clients;
        this.held = held;
        this.clock = clock;
        this.caller = caller;
    }

    @PUT
    @Path("/{payerId}")
    @RolesAllowed({"billing", "intake"})
    @Operation(
            summary =
                    "Record the client's coverage with a payer; claims held for want of coverage are evaluated again")
    public Uni<CoverageView> record(
            @PathParam("clientId") String clientId,
            @PathParam("payerId") String payerId,
            @NotNull(message = "a JSON body is required") @Valid RecordCoverage command) {
        UUID client = Ids.uuid("clientId", clientId);
        String payer = Payers.payerId("payerId", payerId);
        if (command.effectiveTo() != null
                && command.effectiveTo().isBefore(command.effectiveFrom())) {
            throw new InvalidCommand("effectiveTo", "must not be before effectiveFrom");
        }
        if (command.relationship() != RecordCoverage.Relationship.SELF
                && command.subscriber() == null) {
            throw new InvalidCommand(
                    "subscriber", "is required when the client is not the subscriber");
        }
        CoverageEvent event =
                new CoverageEvent.Recorded(
                        client, payer, command, clock.instant(), caller.username());
        return Panache.withTransaction(
                        () ->
                                clients.known(client)
                                        .flatMap(known -> payers.find(payer))
                                        .invoke(
                                                known -> {
                                                    if (known == null) {
                                                        throw Refused.notFound(
                                                                "payer",
                                                                "no payer "
                                                                        + payer
                                                                        + ": set it up first (PUT /payers/"
                                                                        + payer
                                                                        + ")");
                                                    }
                                                })
                                        .flatMap(
                                                known ->
                                                        commands.handle(
                                                                StreamId.of(
                                                                        CoverageEvent.STREAM,
                                                                        client),
                                                                CoverageEvent.class,
                                                                history ->
                                                                        new Decision<>(
                                                                                List.of(event),
                                                                                List.of()),
                                                                caller.username()))
                                        .call(() -> held.reconsiderClient(client)))
                .flatMap(done -> Panache.withSession(() -> coverages.find(client, payer)))
                .map(CoverageView::of);
    }

    @GET
    @RolesAllowed({"billing", "intake", "supervisor"})
    @Operation(summary = "The client's coverages, primary first")
    public Uni<List<CoverageView>> list(@PathParam("clientId") String clientId) {
        UUID client = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                        () -> clients.known(client).flatMap(known -> coverages.ofClient(client)))
                .map(all -> all.stream().map(CoverageView::of).toList());
    }
}
