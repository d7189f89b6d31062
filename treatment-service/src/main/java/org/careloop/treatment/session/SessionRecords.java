package org.careloop.treatment.session;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;

/** Every session and where its note stands, projected from the session streams. */
@ApplicationScoped
public class SessionRecords implements StoreProjection {

    @Override
    public String name() {
        return "sessions";
    }

    @Override
    public String table() {
        return "session_record";
    }

    @Override
    public String streamType() {
        return SessionEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return SessionRecord.deleteAll().replaceWithVoid();
    }

    public Uni<SessionRecord> find(UUID sessionId) {
        return SessionRecord.findById(sessionId);
    }

    public Uni<List<SessionRecord>> ofClient(UUID clientId) {
        return SessionRecord.list("clientId = ?1 order by startedAt desc", clientId);
    }

    public Uni<List<SessionRecord>> ofClients(Collection<UUID> clients) {
        return SessionRecord.list("clientId in ?1 order by startedAt desc", clients);
    }

    /** Notes waiting for this supervisor's co-signature, oldest first. */
    public Uni<List<SessionRecord>> awaitingCosignatureBy(String supervisor) {
        return SessionRecord.list(
                "authorSupervisor = ?1 and status = ?2 order by signedAt",
                supervisor,
                SessionStatus.AWAITING_COSIGN.name());
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        SessionEvent event = stored.decode(SessionEvent.class);
        if (event instanceof SessionEvent.Drafted d) {
            return drafted(d).persist().replaceWithVoid();
        }
        return SessionRecord.<SessionRecord>findById(event.sessionId())
                .invoke(
                        session -> {
                            switch (event) {
                                case SessionEvent.Drafted d -> {}
                                case SessionEvent.Signed s -> {
                                    session.signedAt = s.signedAt();
                                    session.status =
                                            session.authorSupervisor == null
                                                    ? SessionStatus.SIGNED.name()
                                                    : SessionStatus.AWAITING_COSIGN.name();
                                }
                                case SessionEvent.Cosigned c -> {
                                    session.cosignedAt = c.cosignedAt();
                                    session.cosignedBy = c.supervisor();
                                    session.status = SessionStatus.COSIGNED.name();
                                }
                                case SessionEvent.Documented d -> {
                                    session.documentedAt = d.documentedAt();
                                    session.diagnoses = SessionJson.write(d.diagnoses());
                                }
                                case SessionEvent.AddendumAdded a -> {
                                    List<SessionJson.Addendum> addenda =
                                            new ArrayList<>(SessionJson.addenda(session.addenda));
                                    addenda.add(
                                            new SessionJson.Addendum(
                                                    a.number(), a.text(), a.by(), a.at()));
                                    session.addenda = SessionJson.write(addenda);
                                }
                                case SessionEvent.Voided v -> {
                                    session.status = SessionStatus.VOIDED.name();
                                    session.voidedAt = v.voidedAt();
                                    session.voidReason = v.reason();
                                }
                            }
                        })
                .replaceWithVoid();
    }

    private static SessionRecord drafted(SessionEvent.Drafted d) {
        SessionRecord s = new SessionRecord();
        s.sessionId = d.sessionId();
        s.clientId = d.clientId();
        s.author = d.author();
        s.authorSupervisor = d.authorSupervisor();
        s.status = SessionStatus.DRAFT.name();
        s.type = d.type().name();
        s.startedAt = d.startedAt();
        s.endedAt = d.endedAt();
        s.modality = d.modality().name();
        s.clientLocation = d.clientLocation().name();
        s.interactiveComplexity = d.interactiveComplexity();
        s.note = SessionJson.write(d.note());
        s.objectives = SessionJson.write(d.objectivesAddressed());
        s.riskReviewed = d.riskReviewed();
        s.addenda = SessionJson.write(List.of());
        s.groupSessionId = d.groupSessionId();
        s.draftedAt = d.draftedAt();
        return s;
    }
}
