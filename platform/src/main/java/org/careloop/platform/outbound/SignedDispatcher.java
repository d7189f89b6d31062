package org.careloop.platform.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.careloop.platform.secret.SecretBox;
import org.careloop.platform.worker.BackgroundWorker;

/**
 * Sends queued deliveries to their subscribers' URLs, signed ({@link Signature}), retrying failures
 * with a doubling backoff. Like the outbox relay it is a thread of blocking I/O with plain JDBC;
 * rows are claimed with SKIP LOCKED and leased ({@link #LEASE}) in a short transaction of their
 * own, so several instances never send one delivery twice at once, no connection or row lock is
 * held while a pager takes its time, and one claimed before a crash is sent after its lease. A
 * delivery never tried goes before retries, so a dead endpoint's retries hold up no new step. A
 * service names its tables.
 */
public abstract class SignedDispatcher extends BackgroundWorker {

    /**
     * Where a service keeps its deliveries: {@code deliveries} (delivery_id, body, attempts,
     * delivered_at, next_attempt_at and the {@code key} of its subscription), {@code subscriptions}
     * ({@code key}, url, secret sealed), {@code attempts} (delivery_id, attempt, attempted_at,
     * status, error); {@code subject}, when not null, a column of both that the attempt repeats
     * (the alert a delivery is about, say).
     */
    public record Tables(
            String deliveries,
            String subscriptions,
            String key,
            String attempts,
            String subject,
            String enabled,
            String previousSecret,
            String previousSecretUntil) {

        public Tables(
                String deliveries,
                String subscriptions,
                String key,
                String attempts,
                String subject) {
            this(deliveries, subscriptions, key, attempts, subject, null, null, null);
        }

        /**
         * Subscriptions that can be switched off: {@code enabled}, a boolean column; a delivery due
         * to a disabled one is not sent and not tried again, its attempt recorded as skipped.
         */
        public Tables switchedBy(String enabled) {
            return new Tables(
                    deliveries,
                    subscriptions,
                    key,
                    attempts,
                    subject,
                    enabled,
                    previousSecret,
                    previousSecretUntil);
        }

        /**
         * Subscriptions whose secret is replaced with an overlap: until {@code previousSecretUntil}
         * each delivery is signed with the {@code previousSecret} (sealed) too.
         */
        public Tables withPreviousSecret(String previousSecret, String previousSecretUntil) {
            return new Tables(
                    deliveries,
                    subscriptions,
                    key,
                    attempts,
                    subject,
                    enabled,
                    previousSecret,
                    previousSecretUntil);
        }
    }

    /** What the attempt of a delivery to a disabled subscription records. */
    public static final String SKIPPED = "skipped: the subscription is disabled";

    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** Deliveries sent at the same time (one claim). */
    static final int PER_ROUND = 100;

    /**
     * How long a claimed delivery is left to its claimer: past the longest a round may take (twice
     * the request timeout) with a margin, after which another instance may send it again.
     */
    static final Duration LEASE = REQUEST_TIMEOUT.multipliedBy(2).plusSeconds(10);

    private final DataSource dataSource;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration poll;
    private final OutboundAddressPolicy addresses;
    private final SecretBox secrets;
    private final String claim;
    private final String lease;
    private final String attempt;
    private final String update;
    private final boolean subject;
    private final boolean overlap;
    // No redirects and no proxy: a request goes to the host the policy checked, never where an
    // answer points it.
    private final HttpClient http =
            HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();

    /**
     * Where each delivery's address is checked (a DNS lookup may block), so a slow name delays no
     * other.
     */
    private final ExecutorService checking;

    protected SignedDispatcher(
            String name,
            Tables tables,
            DataSource dataSource,
            Clock clock,
            OutboundAddressPolicy addresses,
            SecretBox secrets,
            int maxAttempts,
            Duration poll) {
        super(name, Duration.ofSeconds(2), Duration.ofSeconds(2));
        this.dataSource = dataSource;
        this.addresses = addresses;
        this.secrets = secrets;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.poll = poll;
        this.subject = tables.subject() != null;
        this.overlap = tables.previousSecret() != null;
        this.claim =
                "select d.delivery_id, d.body, d.attempts, s.url, s.secret, "
                        + (subject ? "d." + tables.subject() : "null::uuid")
                        + ", "
                        + (tables.enabled() != null ? "s." + tables.enabled() : "true")
                        + ", "
                        + (tables.previousSecret() != null
                                ? "case when s."
                                        + tables.previousSecretUntil()
                                        + " > ? then s."
                                        + tables.previousSecret()
                                        + " end"
                                : "null::text")
                        + " from "
                        + tables.deliveries()
                        + " d join "
                        + tables.subscriptions()
                        + " s on s."
                        + tables.key()
                        + " = d."
                        + tables.key()
                        + " where d.delivered_at is null and d.next_attempt_at <= ?"
                        + " order by d.attempts > 0, d.next_attempt_at limit "
                        + PER_ROUND
                        + " for update of d skip locked";
        this.lease =
                "update " + tables.deliveries() + " set next_attempt_at = ? where delivery_id = ?";
        this.attempt =
                "insert into "
                        + tables.attempts()
                        + " (delivery_id, "
                        + (subject ? tables.subject() + ", " : "")
                        + "attempt, attempted_at, status, error) values (?, "
                        + (subject ? "?, " : "")
                        + "?, ?, ?, ?)";
        this.update =
                "update "
                        + tables.deliveries()
                        + " set attempts = ?, delivered_at = ?, next_attempt_at = ?"
                        + " where delivery_id = ?";
        this.checking =
                Executors.newCachedThreadPool(
                        task -> {
                            Thread thread = new Thread(task, name + "-address-check");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    /** Stops sending, waiting for the deliveries under way. */
    protected void stop() {
        stopWorker(Duration.ofSeconds(10));
        checking.shutdownNow();
    }

    @Override
    protected boolean work() throws SQLException, InterruptedException {
        return dispatchDue() > 0;
    }

    @Override
    protected void idle() throws InterruptedException {
        Thread.sleep(poll.toMillis());
    }

    /**
     * Sends every due delivery once, all at the same time, so an endpoint that hangs delays no
     * other beyond the request timeout; then records every attempt. Returns how many it tried. No
     * connection is held while the requests are under way.
     */
    public int dispatchDue() throws SQLException, InterruptedException {
        List<Due> due;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            due = claim(connection);
            connection.commit();
        }
        if (due.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Outcome>> sending = due.stream().map(this::send).toList();
        // One deadline for the whole round: an endpoint that answers but never finishes cannot
        // hold the others.
        long deadline = System.nanoTime() + REQUEST_TIMEOUT.multipliedBy(2).toNanos();
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Outcome> one : sending) {
            outcomes.add(outcome(one, deadline));
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < due.size(); i++) {
                record(connection, due.get(i), outcomes.get(i));
            }
            connection.commit();
        }
        return due.size();
    }

    /** Claims the due deliveries, never tried first, and leases them to this round. */
    private List<Due> claim(Connection connection) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(claim)) {
            Timestamp now = Timestamp.from(clock.instant());
            select.setTimestamp(1, now);
            if (overlap) {
                select.setTimestamp(2, now);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(
                            new Due(
                                    rows.getObject(1, UUID.class),
                                    rows.getObject(6, UUID.class),
                                    rows.getString(2),
                                    rows.getInt(3),
                                    rows.getString(4),
                                    rows.getString(5),
                                    rows.getBoolean(7),
                                    rows.getString(8)));
                }
            }
        }
        try (PreparedStatement leased = connection.prepareStatement(lease)) {
            Timestamp until = Timestamp.from(clock.instant().plus(LEASE));
            for (Due delivery : due) {
                leased.setTimestamp(1, until);
                leased.setObject(2, delivery.deliveryId());
                leased.addBatch();
            }
            leased.executeBatch();
        }
        return due;
    }

    /**
     * Checks the address again (a name may resolve elsewhere than at registration), then posts. A
     * refused address is never contacted and not tried again; a name that does not resolve now is
     * retried like any failure.
     */
    private CompletableFuture<Outcome> send(Due delivery) {
        if (!delivery.enabled()) {
            return CompletableFuture.completedFuture(new Outcome(0, SKIPPED, true));
        }
        return CompletableFuture.supplyAsync(() -> addresses.check(delivery.url()), checking)
                .thenCompose(
                        verdict -> {
                            if (verdict instanceof OutboundAddressPolicy.Refused refused) {
                                return CompletableFuture.completedFuture(
                                        new Outcome(0, "refused: " + refused.reason(), true));
                            }
                            if (verdict instanceof OutboundAddressPolicy.Unresolved unresolved) {
                                return CompletableFuture.completedFuture(
                                        new Outcome(0, unresolved.reason(), false));
                            }
                            return post(((OutboundAddressPolicy.Admitted) verdict).uri(), delivery);
                        });
    }

    private CompletableFuture<Outcome> post(URI url, Due delivery) {
        List<String> signing = new ArrayList<>();
        try {
            signing.add(secrets.open(delivery.secret()));
            if (delivery.previousSecret() != null) {
                signing.add(secrets.open(delivery.previousSecret()));
            }
        } catch (SecretBox.UnreadableSecret e) {
            // Not sent unsigned; tried again, so a key added back (a rotation undone) heals it.
            return CompletableFuture.completedFuture(
                    new Outcome(
                            0,
                            "the subscription's secret cannot be opened: " + e.getMessage(),
                            false));
        }
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(url)
                            .timeout(REQUEST_TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header(Signature.HEADER, Signature.of(delivery.body(), signing))
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                            .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(
                            response ->
                                    new Outcome(
                                            response.statusCode(),
                                            response.statusCode() / 100 == 2
                                                    ? null
                                                    : "answered HTTP " + response.statusCode(),
                                            false));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(0, failure(e), false));
        }
    }

    private static Outcome outcome(CompletableFuture<Outcome> sending, long deadline)
            throws InterruptedException {
        try {
            return sending.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            return new Outcome(0, failure(e.getCause()), false);
        } catch (TimeoutException e) {
            sending.cancel(true);
            return new Outcome(
                    0,
                    "no complete answer within "
                            + REQUEST_TIMEOUT.multipliedBy(2).toSeconds()
                            + " s",
                    false);
        }
    }

    private static String failure(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void record(Connection connection, Due delivery, Outcome outcome) throws SQLException {
        int attempt = delivery.attempts() + 1;
        String error = outcome.error();
        Instant now = clock.instant();
        try (PreparedStatement record = connection.prepareStatement(this.attempt)) {
            int parameter = 1;
            record.setObject(parameter++, delivery.deliveryId());
            if (subject) {
                record.setObject(parameter++, delivery.subject());
            }
            record.setInt(parameter++, attempt);
            record.setTimestamp(parameter++, Timestamp.from(now));
            record.setInt(parameter++, outcome.status());
            record.setString(parameter, error);
            record.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(this.update)) {
            update.setInt(1, attempt);
            update.setTimestamp(2, error == null ? Timestamp.from(now) : null);
            boolean over = error == null || outcome.refused() || attempt >= maxAttempts;
            update.setTimestamp(3, over ? null : Timestamp.from(now.plus(backoff(attempt))));
            update.setObject(4, delivery.deliveryId());
            update.executeUpdate();
        }
    }

    /** 1 s after the first failure, then 2 s, 4 s ... up to 5 minutes. */
    static Duration backoff(int failedAttempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /**
     * A claimed delivery; {@code secret} and {@code previousSecret} (null unless still in force) as
     * stored, sealed.
     */
    private record Due(
            UUID deliveryId,
            UUID subject,
            String body,
            int attempts,
            String url,
            String secret,
            boolean enabled,
            String previousSecret) {}

    /**
     * An attempt's HTTP status (0 when no answer came), unless it was delivered why not, and if it
     * is final (its address was refused, its subscription disabled).
     */
    private record Outcome(int status, String error, boolean refused) {}
}
