package org.careloop.risk.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.problem.InvalidCommand;
import org.careloop.platform.problem.Refused;

/**
 * The rules of a webhook in force: it can be switched off and on (a repeat changes nothing), and
 * its secret replaced with an overlap in which the previous one still signs, from none (a secret
 * that leaked) to {@link #LONGEST_OVERLAP}.
 */
public final class WebhookDecider {

    /** Longer than any pager provider needs to take a new secret; beyond it, two secrets linger. */
    public static final Duration LONGEST_OVERLAP = Duration.ofDays(7);

    private WebhookDecider() {}

    public static List<WebhookEvent> disable(
            List<WebhookEvent> history, UUID webhookId, String admin, Instant now) {
        State state = State.of(history, webhookId);
        return state.enabled()
                ? List.of(new WebhookEvent.WebhookDisabled(webhookId, admin, now))
                : List.of();
    }

    public static List<WebhookEvent> enable(
            List<WebhookEvent> history, UUID webhookId, String admin, Instant now) {
        State state = State.of(history, webhookId);
        return state.enabled()
                ? List.of()
                : List.of(new WebhookEvent.WebhookEnabled(webhookId, admin, now));
    }

    /** A new secret, already sealed; the one before signs too for {@code overlap}. */
    public static List<WebhookEvent> rotate(
            List<WebhookEvent> history,
            UUID webhookId,
            String sealedSecret,
            Duration overlap,
            String admin,
            Instant now) {
        State.of(history, webhookId);
        if (overlap.isNegative() || overlap.compareTo(LONGEST_OVERLAP) > 0) {
            throw new InvalidCommand(
                    "overlap", "must be from PT0S to " + LONGEST_OVERLAP.toDays() + " days");
        }
        return List.of(
                new WebhookEvent.WebhookSecretRotated(
                        webhookId, sealedSecret, admin, now, now.plus(overlap)));
    }

    /** A webhook in force, and whether it is enabled; refused as not found otherwise. */
    private record State(boolean enabled) {

        static State of(List<WebhookEvent> history, UUID webhookId) {
            Boolean enabled = null;
            for (WebhookEvent event : history) {
                enabled =
                        switch (event) {
                            case WebhookEvent.WebhookRegistered registered -> true;
                            case WebhookEvent.WebhookRemoved removed -> null;
                            case WebhookEvent.WebhookDisabled disabled -> false;
                            case WebhookEvent.WebhookEnabled reenabled -> true;
                            case WebhookEvent.WebhookSecretRotated rotated -> enabled;
                        };
            }
            if (enabled == null) {
                throw Refused.notFound("webhook", "no webhook " + webhookId + " is in force");
            }
            return new State(enabled);
        }
    }
}
