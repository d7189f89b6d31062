package org.careloop.treatment.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * The rules of session documentation: a note in a structured format, signed and locked by its
 * author, co-signed by the supervisor when the author is not licensed (clinical reference,
 * "Treatment plans"); changes after signing are addenda, never edits. Pure.
 */
public final class SessionDecider {

    /** The longest session the clinic documents as one: anything longer is a typing error. */
    public static final Duration LONGEST = Duration.ofHours(8);

    /** How far in the future a start may lie (clock skew between a laptop and the server). */
    public static final Duration SKEW = Duration.ofMinutes(5);

    private SessionDecider() {}

    public static List<SessionEvent> document(
            UUID sessionId,
            UUID clientId,
            DocumentSession command,
            SessionAuthor author,
            boolean authorOnCareTeam,
            PlanInForce plan,
            UUID groupSessionId,
            Instant now) {
        if (!authorOnCareTeam && groupSessionId == null) {
            throw Refused.forbidden(
                    "not-on-care-team", author.username() + " is not on this client's care team");
        }
        if (command.type() == SessionType.GROUP && groupSessionId == null) {
            throw new InvalidCommand(
                    "type",
                    "a group session is documented for its group: POST /groups/{groupId}/sessions");
        }
        if (!command.endedAt().isAfter(command.startedAt())) {
            throw new InvalidCommand("endedAt", "must be after startedAt");
        }
        if (Duration.between(command.startedAt(), command.endedAt()).compareTo(LONGEST) > 0) {
            throw new InvalidCommand(
                    "endedAt", "a session lasts at most " + LONGEST.toHours() + " hours");
        }
        if (command.startedAt().isAfter(now.plus(SKEW))) {
            throw new InvalidCommand(
                    "startedAt", "must not be in the future: document a session held");
        }
        checkNote(command.note());
        List<String> objectives =
                command.objectivesAddressed() == null ? List.of() : command.objectivesAddressed();
        for (int i = 0; i < objectives.size(); i++) {
            if (!plan.objectives().contains(objectives.get(i))) {
                throw new InvalidCommand(
                        "objectivesAddressed[" + i + "]",
                        objectives.get(i)
                                + (plan.planId() == null
                                        ? " cannot be addressed: the client has no active plan"
                                        : " is not an objective of the client's active plan"));
            }
        }
        return List.of(
                new SessionEvent.Drafted(
                        sessionId,
                        clientId,
                        author.username(),
                        author.licensed(),
                        author.licensed() ? null : author.supervisor(),
                        command.type(),
                        command.startedAt(),
                        command.endedAt(),
                        command.modality(),
                        command.clientLocation(),
                        Boolean.TRUE.equals(command.interactiveComplexity()),
                        command.note(),
                        List.copyOf(objectives),
                        command.riskReviewed(),
                        groupSessionId,
                        now));
    }

    /** The author signs and locks the note; final now, unless a supervisor must co-sign. */
    public static List<SessionEvent> sign(
            SessionState state, String signer, PlanInForce plan, Instant now) {
        SessionEvent.Drafted draft = existing(state);
        if (!signer.equals(draft.author())) {
            throw Refused.forbidden(
                    "wrong-signer", "only the author, " + draft.author() + ", signs the note");
        }
        if (state.status() != SessionStatus.DRAFT) {
            throw Refused.conflict(
                    "already-signed",
                    "the note is " + state.status() + ": add an addendum instead");
        }
        List<SessionEvent> events = new ArrayList<>();
        events.add(new SessionEvent.Signed(draft.sessionId(), draft.clientId(), signer, now));
        if (draft.authorLicensed()) {
            events.add(documented(draft, plan, now));
        }
        return events;
    }

    /** The author's supervisor co-signs; the note is final. */
    public static List<SessionEvent> cosign(
            SessionState state, String signer, PlanInForce plan, Instant now) {
        SessionEvent.Drafted draft = existing(state);
        if (draft.authorLicensed()) {
            throw Refused.conflict(
                    "cosignature-not-required",
                    draft.author() + " is licensed: the note needs no co-signature");
        }
        if (!signer.equals(draft.authorSupervisor())) {
            throw Refused.forbidden(
                    "wrong-signer",
                    "only "
                            + draft.author()
                            + "'s supervisor, "
                            + draft.authorSupervisor()
                            + ", co-signs");
        }
        if (state.status() == SessionStatus.DRAFT) {
            throw Refused.conflict(
                    "out-of-order", "the author signs the note before it is co-signed");
        }
        if (state.status() != SessionStatus.AWAITING_COSIGN) {
            throw Refused.conflict("already-signed", "the note is " + state.status());
        }
        return List.of(
                new SessionEvent.Cosigned(draft.sessionId(), draft.clientId(), signer, now),
                documented(draft, plan, now));
    }

    /**
     * A signed note changes only by addenda.
     *
     * @param mayAmend whether the caller is the author, their supervisor or on the care team
     */
    public static List<SessionEvent> addendum(
            SessionState state, String text, String by, boolean mayAmend, Instant now) {
        SessionEvent.Drafted draft = existing(state);
        if (!mayAmend) {
            throw Refused.forbidden(
                    "not-on-care-team",
                    by + " is neither the author nor on the client's care team");
        }
        if (state.status() == SessionStatus.DRAFT) {
            throw Refused.conflict("not-signed", "the note is a draft: sign it, then add addenda");
        }
        if (state.status() == SessionStatus.VOIDED) {
            throw Refused.conflict("voided", "the session was voided");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidCommand("text", "is required");
        }
        return List.of(
                new SessionEvent.AddendumAdded(
                        draft.sessionId(),
                        draft.clientId(),
                        state.addenda() + 1,
                        text.strip(),
                        by,
                        now));
    }

    /**
     * A session entered in error is voided, by its author or a supervisor; a documented one is
     * announced, so no claim stands on it.
     */
    public static List<SessionEvent> voidSession(
            SessionState state, String reason, String by, boolean mayVoid, Instant now) {
        SessionEvent.Drafted draft = existing(state);
        if (!mayVoid) {
            throw Refused.forbidden(
                    "wrong-signer", "only the author or a supervisor voids a session");
        }
        if (state.status() == SessionStatus.VOIDED) {
            throw Refused.conflict("voided", "the session is already void");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidCommand("reason", "is required: why the session was entered in error");
        }
        return List.of(
                new SessionEvent.Voided(
                        draft.sessionId(), draft.clientId(), reason.strip(), by, now));
    }

    private static SessionEvent.Documented documented(
            SessionEvent.Drafted draft, PlanInForce plan, Instant now) {
        return new SessionEvent.Documented(
                draft.sessionId(), draft.clientId(), plan.diagnoses(), plan.planId(), now);
    }

    private static SessionEvent.Drafted existing(SessionState state) {
        if (state.drafted() == null) {
            throw Refused.notFound("session", "no such session");
        }
        return state.drafted();
    }

    private static void checkNote(Note note) {
        List<String> wanted = note.format().sections();
        for (Map.Entry<String, String> section : note.sections().entrySet()) {
            boolean filled = section.getValue() != null && !section.getValue().isBlank();
            if (wanted.contains(section.getKey()) && !filled) {
                throw new InvalidCommand(
                        "note." + section.getKey(), "is required in a " + note.format() + " note");
            }
            if (!wanted.contains(section.getKey()) && section.getValue() != null) {
                throw new InvalidCommand(
                        "note." + section.getKey(),
                        "is not a section of a "
                                + note.format()
                                + " note ("
                                + String.join(", ", wanted)
                                + ")");
            }
        }
    }
}
