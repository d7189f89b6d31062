package org.careloop.billing.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.careloop.platform.deadline.Deadline;
import org.careloop.platform.deadline.DeadlineHandler;

/**
 * An authorization's clocks: decision due, expiring, expired, concurrent review. Each fires once,
 * in the transaction that claimed it, so a restart neither loses nor repeats it.
 */
abstract class AuthorizationClock implements DeadlineHandler {

    private final Authorizations authorizations;
    private final String kind;

    AuthorizationClock(Authorizations authorizations, String kind) {
        this.authorizations = authorizations;
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Uni<Runnable> due(Deadline deadline, Instant now) {
        return authorizations.due(deadline, now).replaceWith(() -> {});
    }

    @Singleton
    static class DecisionDue extends AuthorizationClock {
        DecisionDue(Authorizations authorizations) {
            super(authorizations, Authorizations.DECISION_DUE);
        }
    }

    @Singleton
    static class Expiring extends AuthorizationClock {
        Expiring(Authorizations authorizations) {
            super(authorizations, Authorizations.EXPIRING);
        }
    }

    @Singleton
    static class Expiry extends AuthorizationClock {
        Expiry(Authorizations authorizations) {
            super(authorizations, Authorizations.EXPIRY);
        }
    }

    @Singleton
    static class Review extends AuthorizationClock {
        Review(Authorizations authorizations) {
            super(authorizations, Authorizations.REVIEW);
        }
    }
}
