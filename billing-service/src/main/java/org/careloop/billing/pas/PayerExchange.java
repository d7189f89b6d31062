package org.careloop.billing.pas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.careloop.platform.outbound.OutboundAddressPolicy;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Posts PAS bundles to a payer's {@code Claim/$submit} and {@code Claim/$inquire} and says what
 * came of each call. The endpoint is checked against the outbound address rule before every call;
 * the timeout bounds the whole call, from that check to the last byte of the answer.
 */
public class PayerExchange implements AutoCloseable {

    static final String FHIR_JSON = "application/fhir+json";

    /** Far beyond any ClaimResponse; a payer sending more is broken, and is not read further. */
    static final int LARGEST_ANSWER = 4 * 1024 * 1024;

    private static final int LONGEST_QUOTE = 200;

    private final OutboundAddressPolicy policy;
    private final Duration timeout;
    // No redirects and no proxy: a request goes to the host the rule checked, never where an
    // answer points it.
    private final HttpClient http;

    /** Where each call's address is checked, since resolving a name may block. */
    private final ExecutorService checking = Executors.newVirtualThreadPerTaskExecutor();

    public PayerExchange(OutboundAddressPolicy policy, Duration timeout) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a payer call needs a positive timeout");
        }
        this.timeout = timeout;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .proxy(HttpClient.Builder.NO_PROXY)
                        .build();
    }

    /** Asks the payer to authorize: POST {baseUrl}/Claim/$submit. */
    public CompletionStage<Exchange> submit(PayerEndpoint endpoint, String bundleJson) {
        return call(endpoint, "Claim/$submit", bundleJson);
    }

    /** Asks the payer what became of a submission: POST {baseUrl}/Claim/$inquire. */
    public CompletionStage<Exchange> inquire(PayerEndpoint endpoint, String bundleJson) {
        return call(endpoint, "Claim/$inquire", bundleJson);
    }

    @Override
    public void close() {
        checking.shutdownNow();
        http.shutdownNow();
    }

    private CompletableFuture<Exchange> call(
            PayerEndpoint endpoint, String operation, String bundleJson) {
        Objects.requireNonNull(bundleJson, "bundleJson");
        String url = endpoint.baseUrl().strip().replaceFirst("/+$", "") + "/" + operation;
        long deadline = System.nanoTime() + timeout.toNanos();
        AtomicReference<CompletableFuture<?>> sending = new AtomicReference<>();
        return CompletableFuture.supplyAsync(() -> policy.check(url), checking)
                .thenCompose(
                        verdict ->
                                switch (verdict) {
                                    case OutboundAddressPolicy.Refused refused ->
                                            CompletableFuture.completedFuture(
                                                    // Not the URL: it may carry a password.
                                                    new Exchange.Refused(
                                                            "the payer endpoint is refused: "
                                                                    + refused.reason()));
                                    case OutboundAddressPolicy.Unresolved unresolved ->
                                            CompletableFuture.completedFuture(
                                                    new Exchange.Unavailable(unresolved.reason()));
                                    case OutboundAddressPolicy.Admitted admitted ->
                                            post(
                                                    admitted.uri(),
                                                    endpoint,
                                                    bundleJson,
                                                    deadline,
                                                    sending);
                                })
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle(
                        (exchange, failure) -> {
                            if (failure == null) {
                                return exchange;
                            }
                            CompletableFuture<?> inFlight = sending.get();
                            if (inFlight != null) {
                                inFlight.cancel(true);
                            }
                            return failed(failure);
                        });
    }

    private CompletableFuture<Exchange> post(
            URI uri,
            PayerEndpoint endpoint,
            String bundleJson,
            long deadline,
            AtomicReference<CompletableFuture<?>> sending) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return CompletableFuture.completedFuture(noAnswerInTime());
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofNanos(remaining))
                        .header("Content-Type", FHIR_JSON)
                        .header("Accept", FHIR_JSON)
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        bundleJson, StandardCharsets.UTF_8));
        if (endpoint.clientId() != null) {
            request.header("Authorization", basic(endpoint.clientId(), endpoint.clientSecret()));
        }
        CompletableFuture<HttpResponse<String>> call =
                http.sendAsync(request.build(), answer -> new BoundedBody(LARGEST_ANSWER));
        sending.set(call);
        return call.thenApply(PayerExchange::exchange);
    }

    private static Exchange exchange(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                return new Exchange.Answered(PasResponses.read(response.body()));
            } catch (RejectedRequest e) {
                return new Exchange.Refused(e.getMessage());
            } catch (UnreadableAnswer e) {
                return new Exchange.Unavailable(
                        "the payer's answer cannot be read: " + e.getMessage());
            }
        }
        if (status == 408 || status == 429 || status / 100 == 5) {
            return new Exchange.Unavailable("the payer answered HTTP " + status);
        }
        if (status / 100 == 4) {
            return new Exchange.Refused(
                    "the payer answered HTTP " + status + problem(response.body()));
        }
        return new Exchange.Refused(
                "the payer answered HTTP " + status + ", which is neither an answer nor an error");
    }

    /** What an OperationOutcome in a refusal says, shortened; nothing when it is not one. */
    private static String problem(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            IBaseResource resource = Fhir.R4.newJsonParser().parseResource(body);
            if (resource instanceof OperationOutcome outcome && outcome.hasIssue()) {
                OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
                String text =
                        issue.hasDiagnostics()
                                ? issue.getDiagnostics()
                                : issue.getDetails().hasText()
                                        ? issue.getDetails().getText()
                                        : issue.hasCode() ? issue.getCode().toCode() : null;
                if (text != null && !text.isBlank()) {
                    return ": "
                            + (text.length() <= LONGEST_QUOTE
                                    ? text
                                    : text.substring(0, LONGEST_QUOTE) + "...");
                }
            }
        } catch (RuntimeException e) {
            // A refusal without a readable explanation is still a refusal.
        }
        return "";
    }

    private Exchange failed(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return noAnswerInTime();
        }
        if (cause instanceof ConnectException) {
            return new Exchange.Unavailable("the payer endpoint accepts no connection");
        }
        if (cause instanceof IllegalArgumentException) {
            return new Exchange.Refused("the request cannot be sent: " + cause.getMessage());
        }
        return new Exchange.Unavailable(
                "the call failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private Exchange noAnswerInTime() {
        return new Exchange.Unavailable("no complete answer within " + timeout.toMillis() + " ms");
    }

    private static String basic(String clientId, String clientSecret) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }

    /** An answer read as UTF-8 text, abandoned once it grows past a limit. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    body.completeExceptionally(
                            new IOException("the answer is larger than " + limit + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }
    }
}
