package org.careloop.risk.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.access.ClientAccess;
import org.careloop.platform.access.RelationNotRequired;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Problem;
import org.careloop.platform.problem.ProblemException;
import org.careloop.risk.careteam.CareTeams;
import org.careloop.risk.webhook.WebhookAttempt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Crisis alerts: the live stream, the board, one alert's timeline, and acknowledging. */
@Path("/alerts")
@Tag(name = "Crisis alerts")
public class AlertResource {

    private final Alerts alerts;
    private final AlertFeed feed;
    private final AlertSteps steps;
    private final CareTeams careTeams;
    private final Staff staff;
    private final ClientAccess access;
    private final Duration keepAliveEvery;

    /** Stands for "no client" in a query's client list, which may not be empty. */
    private static final UUID NO_CLIENT = new UUID(0, 0);

    AlertResource(
            Alerts alerts,
            AlertFeed feed,
            AlertSteps steps,
            CareTeams careTeams,
            Staff staff,
            ClientAccess access,
            @ConfigProperty(name = "careloop.alerts.stream-keep-alive") Duration keepAliveEvery) {
        this.keepAliveEvery = keepAliveEvery;
        this.careTeams = careTeams;
        this.alerts = alerts;
        this.feed = feed;
        this.steps = steps;
        this.staff = staff;
        this.access = access;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"oncall", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Server-Sent Events: every alert step addressed to you (supervisors: all), as it happens,"
                            + " and on reconnecting what you missed",
            description =
                    "Each step's `data` is one alert step as JSON, its `id` the step's position in the order steps"
                            + " were taken, across every risk-service instance. The stream opens with a `connected`"
                            + " event whose `id` is where it starts. A console that reconnects with the"
                            + " `Last-Event-ID` header is first sent the steps after that position it hears of"
                            + " (within careloop.alerts.replay-horizon), then the live ones, each once. The steps of"
                            + " alerts for clients whose primary clinician you are come too, marked informational:"
                            + " true (for information; the ladder stays with its addressees). A `: keep-alive`"
                            + " comment comes every 20 s (careloop.alerts.stream-keep-alive), so a console can tell"
                            + " a quiet stream from a dead one.")
    public Multi<OutboundSseEvent> stream(
            @Context Sse sse,
            @Parameter(description = "The `id` of the last event this console received")
                    @HeaderParam("Last-Event-ID")
                    String lastEventId) {
        Long after = position(lastEventId);
        String me = staff.username();
        boolean supervisor = staff.hasRole("supervisor");
        Multi<OutboundSseEvent> steps =
                MissedThenLive.of(feed.forClinician(me, supervisor), missed(after, me, supervisor))
                        .map(step -> event(sse, step));
        Multi<OutboundSseEvent> keepAlive =
                Multi.createFrom()
                        .ticks()
                        .every(keepAliveEvery)
                        .onOverflow()
                        .drop()
                        .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return Multi.createBy().merging().streams(steps, keepAlive);
    }

    /**
     * Where a console's stream starts: the newest step for a new console; for a reconnecting one
     * its last position (or the newest, if it names one not yet reached, as after a restore) and
     * what it missed since.
     */
    private Uni<MissedThenLive.Missed> missed(Long after, String me, boolean supervisor) {
        return steps.head()
                .flatMap(
                        head ->
                                after == null || after >= head
                                        ? Uni.createFrom()
                                                .item(
                                                        new MissedThenLive.Missed(
                                                                after == null
                                                                        ? head
                                                                        : Math.min(after, head),
                                                                List.of()))
                                        : steps.after(after, me, supervisor)
                                                .map(
                                                        missed ->
                                                                new MissedThenLive.Missed(
                                                                        after, missed)));
    }

    private static OutboundSseEvent event(Sse sse, AlertStep step) {
        if (step.isStart()) {
            return sse.newEventBuilder()
                    .name("connected")
                    .id(Long.toString(step.position()))
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(Connected.class, new Connected("CONNECTED", step.position()))
                    .build();
        }
        return sse.newEventBuilder()
                .id(Long.toString(step.position()))
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(AlertNotice.class, step.notice())
                .build();
    }

    /** The opening event of a console's stream: the position it starts after. */
    public record Connected(String kind, long position) {}

    private static Long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new InvalidCommand(
                "Last-Event-ID", "must be the id of an event this stream sent (a whole number)");
    }

    @GET
    @RolesAllowed({"oncall", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Alerts addressed to you at any step, or about clients you may see (care team, supervision,"
                            + " emergency access); supervisors, the ladder's last tier: all. Newest first, by status")
    public Uni<List<AlertView>> list(@QueryParam("status") String status) {
        AlertStatus wanted = status(status);
        String me = " " + staff.username() + " ";
        boolean supervisor = staff.hasRole("supervisor");
        return access.listableBy(staff)
                .flatMap(
                        listable ->
                                Panache.withSession(
                                        () ->
                                                AlertRecord.<AlertRecord>find(
                                                                "(?1 = true or addressees like ?2 or clientId in ?4)"
                                                                        + " and (?3 = '' or status = ?3) order by raisedAt desc",
                                                                listable.isEmpty() || supervisor,
                                                                "%" + me + "%",
                                                                wanted == null ? "" : wanted.name(),
                                                                listable.map(List::copyOf)
                                                                        .filter(
                                                                                ids ->
                                                                                        !ids
                                                                                                .isEmpty())
                                                                        .orElse(List.of(NO_CLIENT)))
                                                        .range(0, 199)
                                                        .list()))
                .map(records -> records.stream().map(AlertView::of).toList());
    }

    @GET
    @Path("/{alertId}")
    @RolesAllowed({"oncall", "clinician", "supervisor"})
    @RelationNotRequired(roles = "supervisor")
    @Operation(
            summary =
                    "One alert with its timeline: raised, each escalation, acknowledgement (its addressees,"
                            + " the client's PRIMARY clinician, supervisors)")
    public Uni<AlertDetail> get(@PathParam("alertId") String alertId) {
        UUID id = Ids.uuid("alertId", alertId);
        return Panache.withSession(
                () ->
                        AlertRecord.<AlertRecord>findById(id)
                                .call(
                                        record ->
                                                record == null
                                                        ? Uni.createFrom().voidItem()
                                                        : careTeams
                                                                .primaryOf(record.clientId)
                                                                .invoke(
                                                                        primary -> {
                                                                            if (!mayRead(
                                                                                    record,
                                                                                    primary)) {
                                                                                throw notForYou(id);
                                                                            }
                                                                        }))
                                .flatMap(
                                        record -> {
                                            if (record == null) {
                                                throw notForYou(id);
                                            }
                                            return alerts.history(id)
                                                    .flatMap(
                                                            history ->
                                                                    WebhookAttempt
                                                                            .<WebhookAttempt>list(
                                                                                    "alertId = ?1 order by attemptedAt",
                                                                                    id)
                                                                            .map(
                                                                                    attempts -> {
                                                                                        List<
                                                                                                        TimelineEntry>
                                                                                                timeline =
                                                                                                        new java
                                                                                                                .util
                                                                                                                .ArrayList<>();
                                                                                        history
                                                                                                .forEach(
                                                                                                        e ->
                                                                                                                timeline
                                                                                                                        .add(
                                                                                                                                TimelineEntry
                                                                                                                                        .of(
                                                                                                                                                e
                                                                                                                                                        .decode(
                                                                                                                                                                AlertEvent
                                                                                                                                                                        .class),
                                                                                                                                                e.actor)));
                                                                                        attempts
                                                                                                .forEach(
                                                                                                        a ->
                                                                                                                timeline
                                                                                                                        .add(
                                                                                                                                TimelineEntry
                                                                                                                                        .of(
                                                                                                                                                a)));
                                                                                        timeline
                                                                                                .sort(
                                                                                                        java
                                                                                                                .util
                                                                                                                .Comparator
                                                                                                                .comparing(
                                                                                                                        TimelineEntry
                                                                                                                                ::at));
                                                                                        return new AlertDetail(
                                                                                                AlertView
                                                                                                        .of(
                                                                                                                record),
                                                                                                timeline);
                                                                                    }));
                                        }));
    }

    /** Its addressees, the client's PRIMARY clinician (for information) and supervisors. */
    private boolean mayRead(AlertRecord record, String primary) {
        String me = staff.username();
        return staff.hasRole("supervisor")
                || record.addressees.contains(" " + me + " ")
                || me.equals(primary);
    }

    private static ProblemException notForYou(UUID id) {
        return new ProblemException(Problem.notFound("alert", "no alert " + id + " for you"));
    }

    @POST
    @Path("/{alertId}/acknowledgements")
    @RolesAllowed({"oncall", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Take responsibility for an alert: by the addressed clinician or a supervisor; idempotent")
    public Uni<AlertView> acknowledge(@PathParam("alertId") String alertId) {
        UUID id = Ids.uuid("alertId", alertId);
        return alerts.acknowledge(id, staff.username(), staff.hasRole("supervisor"))
                // The refusal carries no alert content: not whom it is addressed to, not whether it
                // was acknowledged.
                .onFailure(AlertDecider.NotAddressed.class)
                .transform(
                        e ->
                                new ProblemException(
                                        Problem.of(
                                                "not-addressed", "Forbidden", 403, e.getMessage())))
                .flatMap(notice -> Panache.withSession(() -> AlertRecord.<AlertRecord>findById(id)))
                .map(AlertView::of);
    }

    private static AlertStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return AlertStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand("status", "must be OPEN, ACKNOWLEDGED or EXHAUSTED");
        }
    }

    /** An alert as it stands. */
    public record AlertView(
            UUID alertId,
            UUID clientId,
            String priority,
            String riskLevel,
            String reason,
            String status,
            String tier,
            int step,
            String addressedTo,
            Instant raisedAt,
            Instant updatedAt) {

        public static AlertView of(AlertRecord r) {
            return new AlertView(
                    r.alertId,
                    r.clientId,
                    r.priority,
                    r.riskLevel,
                    r.reason,
                    r.status,
                    r.tier,
                    r.step,
                    r.addressedTo,
                    r.raisedAt,
                    r.updatedAt);
        }
    }

    /** An alert and everything that happened to it. */
    public record AlertDetail(AlertView alert, List<TimelineEntry> timeline) {}

    /**
     * One moment of an alert's life: who was paged, who was skipped, who acknowledged, each webhook
     * attempt.
     */
    public record TimelineEntry(
            Instant at,
            String what,
            String tier,
            int step,
            String who,
            List<String> skipped,
            String detail) {

        static TimelineEntry of(WebhookAttempt attempt) {
            return new TimelineEntry(
                    attempt.attemptedAt,
                    attempt.error == null ? "WEBHOOK_DELIVERED" : "WEBHOOK_FAILED",
                    null,
                    0,
                    null,
                    List.of(),
                    "attempt "
                            + attempt.attempt
                            + (attempt.error == null
                                    ? ": HTTP " + attempt.status
                                    : ": " + attempt.error));
        }

        static TimelineEntry of(AlertEvent event, String actor) {
            return switch (event) {
                case AlertEvent.Raised r ->
                        new TimelineEntry(
                                r.raisedAt(),
                                "RAISED",
                                r.tier().name(),
                                r.step(),
                                r.addressedTo(),
                                r.skipped().stream().map(Enum::name).toList(),
                                null);
                case AlertEvent.Escalated e ->
                        new TimelineEntry(
                                e.escalatedAt(),
                                "ESCALATED",
                                e.tier().name(),
                                e.step(),
                                e.addressedTo(),
                                e.skipped().stream().map(Enum::name).toList(),
                                null);
                case AlertEvent.Acknowledged a ->
                        new TimelineEntry(
                                a.acknowledgedAt(),
                                "ACKNOWLEDGED",
                                a.tier().name(),
                                a.step(),
                                a.acknowledgedBy(),
                                List.of(),
                                null);
                case AlertEvent.Exhausted x ->
                        new TimelineEntry(
                                x.exhaustedAt(),
                                "EXHAUSTED",
                                x.tier().name(),
                                x.step(),
                                actor,
                                List.of(),
                                null);
            };
        }
    }
}
