package org.careloop.intake.assessment;

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
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.intake.AssessmentCompleted;
import org.careloop.intake.client.ClientRegistry;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.command.History;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Screenings and assessments of one client: entering them and reading their history. */
@Path("/clients/{clientId}/assessments")
@Tag(name = "Assessments")
public class AssessmentResource {

    private final Commands commands;
    private final AssessmentHistory history;
    private final ClientRegistry clients;
    private final Staff staff;
    private final Clock clock;

    AssessmentResource(
            Commands commands,
            AssessmentHistory history,
            ClientRegistry clients,
            Staff staff,
            Clock clock) {
        this.commands = commands;
        this.history = history;
        this.clients = clients;
        this.staff = staff;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({"intake", "clinician"})
    @Operation(
            summary =
                    "Enter a completed PHQ-9, GAD-7, C-SSRS screener or biopsychosocial assessment; "
                            + "scores it and publishes AssessmentCompleted")
    public Uni<Response> submit(
            @PathParam("clientId") String clientId,
            @NotNull(message = "a JSON body is required") @Valid SubmitAssessment submission,
            @Context UriInfo uri) {
        UUID client = Ids.uuid("clientId", clientId);
        UUID assessmentId = UUID.randomUUID();
        AssessmentEvent.AssessmentCompleted completed =
                AssessmentDecider.complete(
                        assessmentId, client, submission, staff.username(), clock.instant());
        return Panache.withTransaction(
                        () ->
                                clients.find(client)
                                        .flatMap(
                                                found -> {
                                                    if (found == null) {
                                                        throw new ProblemException(
                                                                Problem.notFound(
                                                                        "client",
                                                                        "no client " + client));
                                                    }
                                                    return commands.record(
                                                            History.of(
                                                                    StreamId.of(
                                                                            AssessmentEvent.STREAM,
                                                                            assessmentId)),
                                                            new Decision<AssessmentEvent>(
                                                                    List.of(completed),
                                                                    List.of(toContract(completed))),
                                                            staff.username());
                                                }))
                .map(
                        recorded ->
                                Response.created(
                                                URI.create(
                                                        uri.getAbsolutePath() + "/" + assessmentId))
                                        .entity(AssessmentView.of(completed))
                                        .build());
    }

    @GET
    @RolesAllowed({"intake", "clinician", "supervisor"})
    @Operation(summary = "The client's assessments, newest first")
    public Uni<List<AssessmentView>> list(@PathParam("clientId") String clientId) {
        UUID client = Ids.uuid("clientId", clientId);
        return Panache.withSession(
                        () ->
                                clients.find(client)
                                        .flatMap(
                                                found -> {
                                                    if (found == null) {
                                                        throw new ProblemException(
                                                                Problem.notFound(
                                                                        "client",
                                                                        "no client " + client));
                                                    }
                                                    return history.of(client);
                                                }))
                .map(assessments -> assessments.stream().map(AssessmentView::of).toList());
    }

    static AssessmentCompleted toContract(AssessmentEvent.AssessmentCompleted e) {
        return new AssessmentCompleted(
                e.assessmentId(),
                e.clientId(),
                e.instrument(),
                e.administeredAt(),
                e.administeredBy(),
                e.itemScores(),
                e.difficulty(),
                e.screenerAnswers(),
                e.totalScore(),
                e.severity(),
                e.riskLevel() == null ? null : e.riskLevel().name(),
                e.flags(),
                e.diagnoses().stream()
                        .map(
                                d ->
                                        new AssessmentCompleted.Diagnosis(
                                                d.code(), d.system(), d.description()))
                        .toList());
    }
}
