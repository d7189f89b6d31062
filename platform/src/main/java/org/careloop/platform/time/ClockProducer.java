package org.careloop.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one place that reads the wall clock; domain code is handed a {@link Clock} or an instant. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        // PostgreSQL keeps microseconds: a time read back must equal the time decided on.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
