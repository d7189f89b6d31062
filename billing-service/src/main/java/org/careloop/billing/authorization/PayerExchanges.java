package org.careloop.billing.authorization;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.careloop.billing.coverage.Coverage;
import org.careloop.billing.coverage.Coverages;
import org.careloop.billing.pas.Exchange;
import org.careloop.billing.pas.PasBundles;
import org.careloop.billing.pas.PasRequest;
import org.careloop.billing.pas.PayerAnswer;
import org.careloop.billing.pas.PayerEndpoint;
import org.careloop.billing.pas.PayerExchange;
import org.careloop.billing.pas.RequestedService;
import org.careloop.billing.payer.PayerDirectory;
import org.careloop.billing.payer.PayerRecord;
import org.careloop.billing.payer.PayerRules;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.problem.ProblemException;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.secret.SecretBox;
import org.careloop.platform.worker.BackgroundWorker;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Calls payers' Da Vinci PAS interfaces: sends each submission owed, then asks again on a schedule
 * while the payer has it pended, and records the answers as decisions. A call is claimed with a
 * lease and made on a virtual thread of its own, so a slow or dead payer holds up no other call and
 * no request; a payer that is down is called again later, and the call stays owed until its answer
 * is recorded.
 */
@Singleton
public class PayerExchanges extends BackgroundWorker {

    private static final Logger LOG = Logger.getLogger(PayerExchanges.class);
    private static final int BATCH = 20;

    private final Pool pool;
    private final PayerExchange exchange;
    private final Authorizations authorizations;
    private final ExchangeQueue queue;
    private final AuthorizationBook book;
    private final PayerDirectory payers;
    private final Coverages coverages;
    private final ClientDirectory clients;
    private final SecretBox secrets;
    private final Clock clock;
    private final Duration poll;
    private final Duration lease;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Duration inquireEvery;
    private final String providerNpi;
    private final String providerName;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    PayerExchanges(
            Pool pool,
            PayerExchange exchange,
            Authorizations authorizations,
            ExchangeQueue queue,
            AuthorizationBook book,
            PayerDirectory payers,
            Coverages coverages,
            ClientDirectory clients,
            SecretBox secrets,
            Clock clock,
            @ConfigProperty(name = "careloop.pas.poll") Duration poll,
            @ConfigProperty(name = "careloop.pas.timeout") Duration timeout,
            @ConfigProperty(name = "careloop.pas.first-retry") Duration firstRetry,
            @ConfigProperty(name = "careloop.pas.max-retry") Duration maxRetry,
            @ConfigProperty(name = "careloop.pas.inquire-every") Duration inquireEvery,
            @ConfigProperty(name = "careloop.billing.provider.npi") String providerNpi,
            @ConfigProperty(name = "careloop.billing.provider.name") String providerName) {
        super("payer-exchanges", Duration.ofMillis(500), Duration.ofSeconds(30));
        this.pool = pool;
        this.exchange = exchange;
        this.authorizations = authorizations;
        this.queue = queue;
        this.book = book;
        this.payers = payers;
        this.coverages = coverages;
        this.clients = clients;
        this.secrets = secrets;
        this.clock = clock;
        this.poll = poll;
        // a call in flight is not claimed again until well after its own timeout
        this.lease = timeout.multipliedBy(3);
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.inquireEvery = inquireEvery;
        this.providerNpi = providerNpi;
        this.providerName = providerName;
    }

    void start(@Observes StartupEvent started) {
        startWorker();
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopWorker(Duration.ofSeconds(5));
        calls.shutdownNow();
    }

    /** A call owed, as claimed. */
    record Owed(UUID authorizationId, String action, int attempts, String payerReference) {}

    @Override
    protected boolean work() {
        Instant now = clock.instant();
        List<Owed> claimed = claim(now);
        for (Owed owed : claimed) {
            calls.submit(() -> call(owed));
        }
        return claimed.size() == BATCH;
    }

    @Override
    protected void idle() throws InterruptedException {
        Thread.sleep(poll.toMillis());
    }

    /** Claims the calls due now, leasing each so no other round or instance takes it meanwhile. */
    private List<Owed> claim(Instant now) {
        return pool.withTransaction(
                        connection ->
                                connection
                                        .preparedQuery(
                                                """
                update payer_exchange set due_at = $2, attempts = attempts + 1
                where authorization_id in (
                    select authorization_id from payer_exchange where due_at <= $1
                    order by due_at limit $3 for update skip locked)
                returning authorization_id, action, attempts, payer_reference""")
                                        .execute(Tuple.of(at(now), at(now.plus(lease)), BATCH)))
                .map(
                        rows -> {
                            List<Owed> owed = new ArrayList<>();
                            for (Row row : rows) {
                                owed.add(
                                        new Owed(
                                                row.getUUID("authorization_id"),
                                                row.getString("action"),
                                                row.getInteger("attempts"),
                                                row.getString("payer_reference")));
                            }
                            return owed;
                        })
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    private void call(Owed owed) {
        try {
            Call call =
                    VertxContextSupport.subscribeAndAwait(
                            () -> Panache.withSession(() -> prepare(owed)));
            if (call == null) {
                inTransaction(() -> queue.settled(owed.authorizationId()));
                return;
            }
            Exchange answer =
                    (ExchangeQueue.SUBMIT.equals(owed.action())
                                    ? exchange.submit(call.endpoint(), call.bundle())
                                    : exchange.inquire(call.endpoint(), call.bundle()))
                            .toCompletableFuture()
                            .join();
            record(owed, answer);
        } catch (Throwable failure) {
            LOG.warnf(
                    "the PAS call for authorization %s failed (%s); it stays owed",
                    owed.authorizationId(), failure.getMessage());
            later(owed, String.valueOf(failure.getMessage()));
        }
    }

    /** What to send: null when the authorization no longer waits for this payer's answer. */
    record Call(PayerEndpoint endpoint, String bundle) {}

    private Uni<Call> prepare(Owed owed) {
        return book.find(owed.authorizationId())
                .flatMap(
                        authorization -> {
                            if (authorization == null
                                    || !AuthorizationStatus.valueOf(authorization.status)
                                            .awaitingDecision()) {
                                return Uni.createFrom().nullItem();
                            }
                            return payers.find(authorization.payerId)
                                    .flatMap(
                                            payer ->
                                                    clients.find(authorization.clientId)
                                                            .flatMap(
                                                                    client ->
                                                                            coverages
                                                                                    .find(
                                                                                            authorization
                                                                                                    .clientId,
                                                                                            authorization
                                                                                                    .payerId)
                                                                                    .map(
                                                                                            coverage ->
                                                                                                    call(
                                                                                                            owed,
                                                                                                            authorization,
                                                                                                            payer,
                                                                                                            client,
                                                                                                            coverage))));
                        });
    }

    private Call call(
            Owed owed,
            AuthorizationRecord authorization,
            PayerRecord payer,
            KnownClient client,
            Coverage coverage) {
        PayerRules.PasAccess pas = payer == null ? null : payer.rules().pas();
        if (pas == null || client == null || coverage == null) {
            return null;
        }
        PasRequest request =
                new PasRequest(
                        authorization.authorizationId,
                        authorization.clientId,
                        client.firstName,
                        client.lastName,
                        client.dateOfBirth,
                        coverage.memberId,
                        payer.payerId,
                        payer.name,
                        providerNpi,
                        providerName,
                        org.careloop.billing.pas.Urgency.valueOf(authorization.urgency),
                        authorization.requested().stream()
                                .map(s -> new RequestedService(s.cpt(), s.units()))
                                .toList(),
                        authorization.requestedStart,
                        authorization.requestedEnd,
                        JsonColumns.read(
                                authorization.diagnoses, new TypeReference<List<String>>() {}),
                        authorization.justification);
        Instant now = clock.instant();
        String bundle =
                ExchangeQueue.SUBMIT.equals(owed.action())
                        ? PasBundles.submission(request, now)
                        : PasBundles.inquiry(request, owed.payerReference(), now);
        return new Call(
                new PayerEndpoint(pas.baseUrl(), pas.clientId(), secrets.open(pas.sealedSecret())),
                bundle);
    }

    /** Records what the payer's interface said, in one transaction with the queue's change. */
    private void record(Owed owed, Exchange answer) {
        UUID id = owed.authorizationId();
        switch (answer) {
            case Exchange.Answered(PayerAnswer.Decided decided) ->
                    settle(
                            id,
                            () ->
                                    authorizations
                                            .decide(id, decision(decided), true, "payer-pas")
                                            .call(() -> queue.settled(id)));
            case Exchange.Answered(PayerAnswer.Pended pended) ->
                    settle(
                            id,
                            () ->
                                    authorizations
                                            .state(id)
                                            .flatMap(
                                                    state ->
                                                            state.status()
                                                                            == AuthorizationStatus
                                                                                    .PENDED
                                                                    ? Uni.createFrom().voidItem()
                                                                    : authorizations.decide(
                                                                            id,
                                                                            new RecordDecision(
                                                                                    Outcome.PENDED,
                                                                                    null,
                                                                                    null,
                                                                                    null,
                                                                                    null,
                                                                                    pended.reason(),
                                                                                    null),
                                                                            true,
                                                                            "payer-pas"))
                                            .call(
                                                    () ->
                                                            queue.inquire(
                                                                    id,
                                                                    clock.instant()
                                                                            .plus(inquireEvery),
                                                                    pended.payerReference())));
            case Exchange.Unavailable unavailable -> later(owed, unavailable.reason());
            case Exchange.Refused refused ->
                    settle(
                            id,
                            () ->
                                    authorizations
                                            .exchangeRefused(id, refused.reason())
                                            .call(() -> queue.settled(id)));
        }
    }

    private static RecordDecision decision(PayerAnswer.Decided decided) {
        return new RecordDecision(
                switch (decided.outcome()) {
                    case APPROVED -> Outcome.APPROVED;
                    case PARTIALLY_APPROVED -> Outcome.PARTIALLY_APPROVED;
                    case DENIED -> Outcome.DENIED;
                },
                decided.authorizationNumber(),
                decided.services() == null || decided.services().isEmpty()
                        ? null
                        : decided.services().stream()
                                .map(s -> new ServiceUnits(s.cpt(), s.units()))
                                .toList(),
                decided.startDate(),
                decided.endDate(),
                decided.reason() == null
                                && decided.outcome() == org.careloop.billing.pas.Outcome.DENIED
                        ? "denied by the payer"
                        : decided.reason(),
                null);
    }

    /**
     * Records an answer. When it cannot be (staff recorded a decision by phone meanwhile, or the
     * payer approved a code its rules here do not name), the call is settled all the same, and an
     * authorization still waiting shows staff why on its timeline: asking again would not help.
     */
    private void settle(UUID id, Supplier<Uni<Void>> work) {
        try {
            inTransaction(work);
        } catch (ProblemException unrecordable) {
            LOG.infof(
                    "the payer's answer for authorization %s is not recorded (%s); the PAS call is"
                            + " settled",
                    id, unrecordable.getMessage());
            inTransaction(
                    () ->
                            authorizations
                                    .state(id)
                                    .flatMap(
                                            state ->
                                                    state.status() != null
                                                                    && state.status()
                                                                            .awaitingDecision()
                                                            ? authorizations.exchangeRefused(
                                                                    id,
                                                                    "the payer's answer could not be"
                                                                            + " recorded: "
                                                                            + unrecordable
                                                                                    .getMessage())
                                                            : Uni.createFrom().voidItem())
                                    .call(() -> queue.settled(id)));
        }
    }

    private void later(Owed owed, String reason) {
        long factor = 1L << Math.min(owed.attempts() - 1, 16);
        Duration wait = firstRetry.multipliedBy(factor);
        if (wait.compareTo(maxRetry) > 0) {
            wait = maxRetry;
        }
        Instant due = clock.instant().plus(wait);
        pool.preparedQuery(
                        "update payer_exchange set due_at = $2, last_error = $3 where authorization_id = $1")
                .execute(Tuple.of(owed.authorizationId(), at(due), truncate(reason)))
                .await()
                .atMost(Duration.ofSeconds(30));
    }

    private static void inTransaction(Supplier<Uni<Void>> work) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(work));
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
