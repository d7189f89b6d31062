package org.careloop.referral.referral;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/** Every referral where it stands, projected from the referral streams. */
@ApplicationScoped
public class ReferralBook implements StoreProjection {

    @Override
    public String name() {
        return "referrals";
    }

    @Override
    public String table() {
        return "referral";
    }

    @Override
    public String streamType() {
        return ReferralEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return ReferralRecord.deleteAll().replaceWithVoid();
    }

    public Uni<ReferralRecord> find(UUID referralId) {
        return ReferralRecord.findById(referralId);
    }

    public Uni<List<ReferralRecord>> ofClient(UUID clientId) {
        return ReferralRecord.list("clientId = ?1 order by createdAt desc", clientId);
    }

    /**
     * The referrals sent to a partner (drafts are the clinic's own), in the order they were sent;
     * only those in {@code statuses} unless it is empty.
     */
    public Uni<List<ReferralRecord>> sentTo(String partnerId, Set<ReferralStatus> statuses) {
        if (statuses.isEmpty()) {
            return ReferralRecord.list(
                    "partnerId = ?1 and requestedAt is not null order by requestedAt, referralId",
                    partnerId);
        }
        return ReferralRecord.list(
                "partnerId = ?1 and requestedAt is not null and status in ?2 order by requestedAt,"
                        + " referralId",
                partnerId,
                statuses.stream().map(Enum::name).toList());
    }

    /**
     * Referrals needing their referrer: drafts, overdue ones still open, completed ones awaiting
     * review; of one clinician, or of everyone when {@code referredBy} is null.
     */
    public Uni<List<ReferralRecord>> needingAttention(String referredBy) {
        String attention =
                "(status in ('DRAFT', 'COMPLETED') or ((acceptanceOverdue = true or seenOverdue ="
                        + " true) and status in ('REQUESTED', 'RECEIVED', 'ACCEPTED', 'ON_HOLD')))";
        return referredBy == null
                ? ReferralRecord.list(attention + " order by updatedAt")
                : ReferralRecord.list(
                        "referredBy = ?1 and " + attention + " order by updatedAt", referredBy);
    }

    /**
     * Whether the client has an EMERGENT crisis-stabilisation referral still open (not closed,
     * cancelled, rejected or failed); in the caller's session.
     */
    public Uni<Boolean> crisisReferralOpen(UUID clientId) {
        return ReferralRecord.count(
                        "clientId = ?1 and urgency = 'EMERGENT' and serviceType ="
                                + " 'CRISIS_STABILISATION' and status not in ('CLOSED', 'CANCELLED',"
                                + " 'REJECTED', 'FAILED')",
                        clientId)
                .map(open -> open > 0);
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        ReferralEvent event = stored.decode(ReferralEvent.class);
        return ReferralRecord.<ReferralRecord>findById(event.referralId())
                .flatMap(
                        found -> {
                            ReferralRecord record = found == null ? new ReferralRecord() : found;
                            record.updatedAt = stored.recordedAt;
                            evolve(record, event);
                            return found == null
                                    ? record.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }

    private static void evolve(ReferralRecord record, ReferralEvent event) {
        switch (event) {
            case ReferralEvent.Drafted d -> {
                record.referralId = d.referralId();
                record.clientId = d.clientId();
                record.partnerId = d.partnerId();
                record.serviceType = d.serviceType().name();
                record.urgency = d.urgency().name();
                record.status = ReferralStatus.DRAFT.name();
                record.reason = d.reason();
                record.diagnoses = JsonColumns.write(d.diagnoses());
                record.notes = d.notes();
                record.referredBy = d.by();
                record.createdAt = d.at();
                if (d.origin() != null) {
                    record.origin = d.origin().kind().name();
                    record.originSourceId = d.origin().sourceId();
                }
            }
            case ReferralEvent.DraftAmended a -> {
                record.partnerId = a.partnerId();
                record.urgency = a.urgency().name();
                record.reason = a.reason();
                record.diagnoses = JsonColumns.write(a.diagnoses());
                record.notes = a.notes();
                if (record.referredBy == null) {
                    record.referredBy = a.by();
                }
            }
            case ReferralEvent.Requested r -> {
                record.status = ReferralStatus.REQUESTED.name();
                record.consentId = r.consentId();
                record.part2 = r.part2();
                record.requestedAt = r.at();
                record.acceptanceDueAt = r.acceptanceDueAt();
                record.seenDueAt = r.seenDueAt();
            }
            case ReferralEvent.Received r -> record.status = ReferralStatus.RECEIVED.name();
            case ReferralEvent.Accepted a -> {
                record.status = ReferralStatus.ACCEPTED.name();
                record.acceptanceDueAt = null;
            }
            case ReferralEvent.Rejected r -> {
                record.status = ReferralStatus.REJECTED.name();
                record.partnerReason = r.reason();
                stopClocks(record);
            }
            case ReferralEvent.AppointmentBooked b -> {
                record.status = ReferralStatus.IN_PROGRESS.name();
                record.appointmentAt = b.appointmentAt();
                stopClocks(record);
            }
            case ReferralEvent.Completed c -> {
                record.status = ReferralStatus.COMPLETED.name();
                record.outcomeSummary = c.summary();
                record.outcomeRecommendations = c.recommendations();
                record.outcomeAttachments = JsonColumns.write(c.attachments());
                stopClocks(record);
            }
            case ReferralEvent.Failed f -> {
                record.status = ReferralStatus.FAILED.name();
                record.partnerReason = f.reason();
                stopClocks(record);
            }
            case ReferralEvent.Closed c -> record.status = ReferralStatus.CLOSED.name();
            case ReferralEvent.Cancelled c -> {
                record.status = ReferralStatus.CANCELLED.name();
                record.heldFrom = null;
                stopClocks(record);
            }
            case ReferralEvent.Held h -> {
                record.heldFrom = record.status;
                record.status = ReferralStatus.ON_HOLD.name();
            }
            case ReferralEvent.Resumed r -> {
                record.status = record.heldFrom;
                record.heldFrom = null;
            }
            case ReferralEvent.Overdue o -> {
                if (o.clock() == SlaClock.ACCEPTANCE) {
                    record.acceptanceOverdue = true;
                } else {
                    record.seenOverdue = true;
                }
            }
        }
    }

    private static void stopClocks(ReferralRecord record) {
        record.acceptanceDueAt = null;
        record.seenDueAt = null;
    }
}
