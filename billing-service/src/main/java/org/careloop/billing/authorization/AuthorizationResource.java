package org.careloop.billing.authorization;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.careloop.platform.command.Commands;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One authorization: sending it, recording the payer's answers, appealing, reading it. */
@Path("/authorizations/{authorizationId}")
@Tag(name = "Authorizations")
public class AuthorizationResource {

    private final Authorizations authorizations;
    private final AuthorizationBook book;
    private final Commands commands;
    private final Clock clock;
    private final Staff caller;

    AuthorizationResource(
            Authorizations authorizations,
            AuthorizationBook book,
            Commands commands,
            Clock clock,
            Staff caller) {
        this.authorizations = authorizations;
        this.book = book;
        this.commands = commands;
        this.clock = clock;
        this.caller = caller;
    }

    @POST
    @Path("/submission")
    @RolesAllowed("billing")
    @Operation(
            summary =
                    "Send the draft to the payer: REQUESTED, with a decision due in 72 hours (expedited) or 7 days"
                            + " (standard); by Da Vinci PAS where the payer has it")
    public Uni<AuthorizationView> submit(@PathParam("authorizationId") String authorizationId) {
        UUID id = Ids.uuid("authorizationId", authorizationId);
        return Panache.withTransaction(() -> authorizations.submit(id, caller.username()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/decisions")
    @RolesAllowed("billing")
    @Operation(
            summary =
                    "Record the payer's decision: APPROVED, PARTIALLY_APPROVED, PENDED or DENIED on a request,"
                            + " OVERTURNED or UPHELD on an appeal; an approval releases the claims it covers")
    public Uni<AuthorizationView> decide(
            @PathParam("authorizationId") String authorizationId,
            @NotNull(message = "a JSON body is required") @Valid RecordDecision command) {
        UUID id = Ids.uuid("authorizationId", authorizationId);
        return Panache.withTransaction(
                        () -> authorizations.decide(id, command, false, caller.username()))
                .flatMap(done -> view(id));
    }

    @POST
    @Path("/appeals")
    @RolesAllowed("billing")
    @Operation(summary = "Appeal a denial: APPEALED until the payer overturns or upholds it")
    public Uni<AuthorizationView> appeal(
            @PathParam("authorizationId") String authorizationId,
            @NotNull(message = "a JSON body is required") @Valid Appeal command) {
        UUID id = Ids.uuid("authorizationId", authorizationId);
        return Panache.withTransaction(() -> authorizations.appeal(id, command, caller.username()))
                .flatMap(done -> view(id));
    }

    @GET
    @RolesAllowed({"billing", "supervisor"})
    @Operation(
            summary =
                    "An authorization: status, units per code, burn rate, projected exhaustion, warnings,"
                            + " timeline and unit ledger")
    public Uni<AuthorizationView> get(@PathParam("authorizationId") String authorizationId) {
        return view(Ids.uuid("authorizationId", authorizationId));
    }

    private Uni<AuthorizationView> view(UUID id) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), authorizations.clinicZone());
        return Panache.withSession(
                () ->
                        book.find(id)
                                .flatMap(
                                        record -> {
                                            if (record == null) {
                                                throw Refused.notFound(
                                                        "authorization", "no authorization " + id);
                                            }
                                            return book.ledger(id)
                                                    .flatMap(
                                                            ledger ->
                                                                    commands.load(
                                                                                    StreamId.of(
                                                                                            AuthorizationEvent
                                                                                                    .STREAM,
                                                                                            id),
                                                                                    AuthorizationEvent
                                                                                            .class)
                                                                            .map(
                                                                                    history ->
                                                                                            AuthorizationView
                                                                                                    .of(
                                                                                                            record,
                                                                                                            today,
                                                                                                            ledger,
                                                                                                            AuthorizationView
                                                                                                                    .timeline(
                                                                                                                            history
                                                                                                                                    .events()),
                                                                                                            true)));
                                        }));
    }
}
