package org.careloop.risk.alert;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** The alert board: each alert as it stands now, projected from the alert streams. */
@ApplicationScoped
public class AlertBoard implements StoreProjection {

    @Override
    public String name() {
        return "alert-board";
    }

    @Override
    public String table() {
        return "alert_board";
    }

    @Override
    public String streamType() {
        return AlertEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return AlertRecord.deleteAll().replaceWithVoid();
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        AlertEvent event = stored.decode(AlertEvent.class);
        if (event instanceof AlertEvent.Raised r) {
            AlertRecord record = new AlertRecord();
            record.alertId = r.alertId();
            record.clientId = r.clientId();
            record.priority = r.priority().name();
            record.riskLevel = r.riskLevel().name();
            record.reason = r.reason();
            record.raisedAt = r.raisedAt();
            step(
                    record,
                    AlertStatus.OPEN,
                    r.step(),
                    r.tier().name(),
                    r.addressedTo(),
                    r.raisedAt());
            return record.persist().replaceWithVoid();
        }
        return AlertRecord.<AlertRecord>findById(event.alertId())
                .invoke(
                        record -> {
                            if (record == null) {
                                throw new IllegalStateException(
                                        "alert " + event.alertId() + " is not on the board");
                            }
                            switch (event) {
                                case AlertEvent.Raised r ->
                                        throw new IllegalStateException(
                                                "alert " + r.alertId() + " raised twice");
                                case AlertEvent.Escalated e ->
                                        step(
                                                record,
                                                AlertStatus.OPEN,
                                                e.step(),
                                                e.tier().name(),
                                                e.addressedTo(),
                                                e.escalatedAt());
                                case AlertEvent.Acknowledged a -> {
                                    record.status = AlertStatus.ACKNOWLEDGED.name();
                                    record.updatedAt = a.acknowledgedAt();
                                }
                                case AlertEvent.Exhausted x -> {
                                    record.status = AlertStatus.EXHAUSTED.name();
                                    record.updatedAt = x.exhaustedAt();
                                }
                            }
                        })
                .replaceWithVoid();
    }

    private static void step(
            AlertRecord record,
            AlertStatus status,
            int step,
            String tier,
            String addressedTo,
            Instant at) {
        record.status = status.name();
        record.step = step;
        record.tier = tier;
        record.addressedTo = addressedTo;
        record.updatedAt = at;
        String addressee = addressedTo == null ? "" : addressedTo;
        record.addressees =
                record.addressees == null
                        ? " " + addressee + " "
                        : record.addressees.contains(" " + addressee + " ")
                                ? record.addressees
                                : record.addressees + addressee + " ";
    }
}
