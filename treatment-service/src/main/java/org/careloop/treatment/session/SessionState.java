package org.careloop.treatment.session;

import java.util.List;

/** A session as its deciders need it: the draft, where the note stands, its addenda so far. */
public record SessionState(
        SessionEvent.Drafted drafted, SessionStatus status, boolean documented, int addenda) {

    public static final SessionState NONE = new SessionState(null, null, false, 0);

    public static SessionState of(List<SessionEvent> history) {
        SessionState state = NONE;
        for (SessionEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    public SessionState evolve(SessionEvent event) {
        return switch (event) {
            case SessionEvent.Drafted d -> new SessionState(d, SessionStatus.DRAFT, false, 0);
            case SessionEvent.Signed s ->
                    new SessionState(
                            drafted,
                            drafted.authorLicensed()
                                    ? SessionStatus.SIGNED
                                    : SessionStatus.AWAITING_COSIGN,
                            documented,
                            addenda);
            case SessionEvent.Cosigned c ->
                    new SessionState(drafted, SessionStatus.COSIGNED, documented, addenda);
            case SessionEvent.Documented d -> new SessionState(drafted, status, true, addenda);
            case SessionEvent.AddendumAdded a ->
                    new SessionState(drafted, status, documented, addenda + 1);
            case SessionEvent.Voided v ->
                    new SessionState(drafted, SessionStatus.VOIDED, documented, addenda);
        };
    }
}
