package org.careloop.treatment.caseload;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.treatment.plan.PlanVersionRecord;
import org.careloop.treatment.plan.PlanVersions;
import org.careloop.treatment.session.SessionRecords;
import org.careloop.treatment.session.SessionView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What waits for the caller's co-signature as a supervisor. */
@Path("/cosign-queue")
@Tag(name = "Caseload")
public class CosignQueueResource {

    private final PlanVersions versions;
    private final SessionRecords sessions;
    private final Staff caller;

    CosignQueueResource(PlanVersions versions, SessionRecords sessions, Staff caller) {
        this.versions = versions;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"clinician", "supervisor"})
    @Operation(
            summary =
                    "Notes and plan versions by the caller's supervisees waiting for the caller's co-signature, oldest first")
    public Uni<CosignQueue> cosignQueue() {
        String me = caller.username();
        return Panache.withSession(
                () ->
                        sessions.awaitingCosignatureBy(me)
                                .flatMap(
                                        notes ->
                                                versions.awaitingCosignatureBy(me)
                                                        .map(
                                                                planVersions ->
                                                                        new CosignQueue(
                                                                                notes.stream()
                                                                                        .map(
                                                                                                SessionView
                                                                                                        ::of)
                                                                                        .toList(),
                                                                                planVersions
                                                                                        .stream()
                                                                                        .map(
                                                                                                CosignQueue
                                                                                                                .PlanToCosign
                                                                                                        ::of)
                                                                                        .toList()))));
    }

    /** What waits for a supervisor's co-signature. */
    public record CosignQueue(List<SessionView> notes, List<PlanToCosign> plans) {

        /** A plan version signed by its author and the client, waiting for the supervisor. */
        public record PlanToCosign(
                UUID planId, int version, UUID clientId, String author, Instant draftedAt) {

            static PlanToCosign of(PlanVersionRecord v) {
                return new PlanToCosign(v.planId, v.version, v.clientId, v.author, v.draftedAt);
            }
        }
    }
}
