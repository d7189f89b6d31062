package org.careloop.risk.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.careloop.contracts.codec.EventJson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The alert steps every console is sent, stored in the transaction that took the step, in commit
 * order (table {@code alert_step}): the source of each instance's live feed and of a reconnecting
 * console's replay.
 */
@ApplicationScoped
public class AlertSteps {

    /** The most steps one replay sends: the newest, when a console missed more. */
    static final int MOST_REPLAYED = AlertFeed.BUFFERED_PER_CONSOLE;

    private final Clock clock;
    private final Duration horizon;

    AlertSteps(
            Clock clock,
            @ConfigProperty(name = "careloop.alerts.replay-horizon") Duration horizon) {
        this.clock = clock;
        this.horizon = horizon;
    }

    /** Stores a step for the consoles; runs in the transaction that took it. */
    public Uni<Void> append(AlertNotice notice) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                """
                with head as (update alert_step_head set position = position + 1 returning position)
                insert into alert_step (position, alert_id, addressed_to, primary_clinician, notice, recorded_at)
                select position, :alert, :addressedTo, :primary, :notice, :at from head""")
                                        .setParameter("alert", notice.alertId())
                                        .setParameter("addressedTo", notice.addressedTo())
                                        .setParameter("primary", notice.primaryClinician())
                                        .setParameter("notice", json)
                                        .setParameter(
                                                "at",
                                                OffsetDateTime.ofInstant(
                                                        clock.instant(), ZoneOffset.UTC))
                                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The steps after {@code position} this clinician's console hears of, oldest first: at most
     * {@link #MOST_REPLAYED} (the newest), none older than the replay horizon.
     */
    Uni<List<AlertStep>> after(long position, String username, boolean supervisor) {
        Instant since = clock.instant().minus(horizon);
        return read(session ->
                        session.createNativeQuery(
                                        """
                select position, notice from alert_step
                where position > :after and recorded_at >= :since
                  and (:supervisor or addressed_to = :me or primary_clinician = :me)
                order by position desc limit :most""",
                                        Object[].class)
                                .setParameter("after", position)
                                .setParameter(
                                        "since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                                .setParameter("supervisor", supervisor)
                                .setParameter("me", username)
                                .setParameter("most", MOST_REPLAYED)
                                .getResultList())
                .map(AlertSteps::oldestFirst);
    }

    /** The position of the last step stored: where a new console's stream begins. */
    Uni<Long> head() {
        return read(
                session ->
                        session.createNativeQuery(
                                        "select position from alert_step_head", Long.class)
                                .getSingleResult());
    }

    private static <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> query) {
        return Panache.withSession(() -> Panache.getSession().flatMap(query::apply));
    }

    private static List<AlertStep> oldestFirst(List<Object[]> rows) {
        List<AlertStep> steps = new ArrayList<>();
        for (Object[] row : rows) {
            steps.add(new AlertStep(((Number) row[0]).longValue(), decode((String) row[1])));
        }
        Collections.reverse(steps);
        return steps;
    }

    static AlertNotice decode(String json) {
        try {
            return EventJson.mapper().readValue(json, AlertNotice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert step that is not a notice: " + json, e);
        }
    }
}
