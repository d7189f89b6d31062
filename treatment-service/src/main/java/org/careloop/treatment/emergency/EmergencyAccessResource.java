package org.careloop.treatment.emergency;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.access.EmergencyAccessReviewed;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supervisors' review queue of emergency accesses made in any service: who broke the glass, on
 * which client, why, for how long, and the finding.
 */
@Path("/emergency-access")
@Tag(name = "Emergency access")
public class EmergencyAccessResource {

    private static final String GRANTS =
            """
            select g.grant_id, g.client_id, g.username, g.reason, g.service, g.granted_at, g.expires_at,
                   r.finding, r.note, r.reviewed_by, r.reviewed_at
            from access_emergency g left join emergency_access_review r on r.grant_id = g.grant_id
            """;

    private final Pool pool;
    private final Commands commands;
    private final Staff caller;
    private final Clock clock;

    EmergencyAccessResource(Pool pool, Commands commands, Staff caller, Clock clock) {
        this.pool = pool;
        this.commands = commands;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RolesAllowed("supervisor")
    @Operation(
            summary =
                    "Emergency accesses from every service, newest first (at most 500); reviewed=false for"
                            + " the ones still to review")
    public Uni<List<GrantView>> list(@QueryParam("reviewed") String reviewed) {
        String where =
                switch (reviewed == null ? "" : reviewed) {
                    case "" -> "";
                    case "false" -> " where r.grant_id is null";
                    case "true" -> " where r.grant_id is not null";
                    default -> throw new InvalidCommand("reviewed", "must be true or false");
                };
        return pool.query(GRANTS + where + " order by g.granted_at desc limit 500")
                .execute()
                .map(
                        rows -> {
                            List<GrantView> grants = new ArrayList<>();
                            for (Row row : rows) {
                                grants.add(GrantView.of(row));
                            }
                            return grants;
                        });
    }

    @POST
    @Path("/{grantId}/review")
    @RolesAllowed("supervisor")
    @Operation(
            summary =
                    "Record the review of an emergency access (once, by a supervisor other than its holder);"
                            + " publishes EmergencyAccessReviewed")
    public Uni<GrantView> review(
            @PathParam("grantId") String grantId,
            @NotNull(message = "a JSON body is required") @Valid ReviewEmergencyAccess command) {
        UUID id = Ids.uuid("grantId", grantId);
        String by = caller.username();
        Instant now = clock.instant();
        return grant(id)
                .flatMap(
                        grant ->
                                Panache.withTransaction(
                                        () ->
                                                commands.handle(
                                                        StreamId.of(ReviewEvent.STREAM, id),
                                                        ReviewEvent.class,
                                                        history -> {
                                                            List<ReviewEvent> events =
                                                                    ReviewDecider.review(
                                                                            grant == null
                                                                                    ? null
                                                                                    : new ReviewDecider
                                                                                            .Grant(
                                                                                            grant
                                                                                                    .grantId(),
                                                                                            grant
                                                                                                    .clientId(),
                                                                                            grant
                                                                                                    .username()),
                                                                            command,
                                                                            history.events(),
                                                                            by,
                                                                            now);
                                                            return new Decision<>(
                                                                    events, published(events));
                                                        },
                                                        by)))
                .flatMap(recorded -> grant(id));
    }

    private Uni<GrantView> grant(UUID id) {
        return pool.preparedQuery(GRANTS + " where g.grant_id = $1")
                .execute(Tuple.of(id))
                .map(
                        rows ->
                                rows.iterator().hasNext()
                                        ? GrantView.of(rows.iterator().next())
                                        : null);
    }

    private static List<IntegrationEvent> published(List<ReviewEvent> events) {
        return events.stream()
                .map(
                        event -> {
                            ReviewEvent.Reviewed r = (ReviewEvent.Reviewed) event;
                            return (IntegrationEvent)
                                    new EmergencyAccessReviewed(
                                            r.clientId(),
                                            r.grantId(),
                                            r.finding().name(),
                                            r.note(),
                                            r.reviewedBy(),
                                            r.reviewedAt());
                        })
                .toList();
    }

    /** One emergency access and its review, if any. */
    public record GrantView(
            UUID grantId,
            UUID clientId,
            String username,
            String reason,
            String service,
            Instant grantedAt,
            Instant expiresAt,
            Review review) {

        static GrantView of(Row row) {
            String finding = row.getString("finding");
            return new GrantView(
                    row.getUUID("grant_id"),
                    row.getUUID("client_id"),
                    row.getString("username"),
                    row.getString("reason"),
                    row.getString("service"),
                    row.getOffsetDateTime("granted_at").toInstant(),
                    row.getOffsetDateTime("expires_at").toInstant(),
                    finding == null
                            ? null
                            : new Review(
                                    finding,
                                    row.getString("note"),
                                    row.getString("reviewed_by"),
                                    row.getOffsetDateTime("reviewed_at").toInstant()));
        }
    }

    /** A supervisor's finding. */
    public record Review(String finding, String note, String reviewedBy, Instant reviewedAt) {}
}
