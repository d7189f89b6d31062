package org.careloop.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.careloop.contracts.codec.EventJson;

/**
 * Listens to a Server-Sent Events stream like an on-call console would, collecting each event's
 * JSON. A stream that is refused, breaks, ends or carries something that is not JSON fails the next
 * wait with that reason, rather than looking like a stream on which nothing happened.
 */
public final class SseListener implements AutoCloseable {

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private volatile boolean closed;

    public SseListener(String url, String token) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build();
        response =
                HttpClient.newHttpClient()
                        .sendAsync(
                                request,
                                info -> {
                                    if (info.statusCode() != 200) {
                                        fail(
                                                new IllegalStateException(
                                                        url
                                                                + " answered HTTP "
                                                                + info.statusCode()));
                                    }
                                    return HttpResponse.BodySubscribers.fromLineSubscriber(
                                            new Lines());
                                });
        response.whenComplete(
                (ignored, error) -> {
                    if (error != null) {
                        fail(error);
                    }
                });
    }

    /**
     * The next event that matches, or an assertion failure after the timeout or as soon as the
     * stream failed.
     */
    public JsonNode next(Predicate<JsonNode> match, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            JsonNode event =
                    events.poll(
                            Math.min(100, Math.max(1, deadline - System.currentTimeMillis())),
                            TimeUnit.MILLISECONDS);
            if (event != null) {
                if (match.test(event)) {
                    return event;
                }
            } else if (failure.get() != null) {
                throw new AssertionError(
                        "the alert stream failed: " + failure.get().getMessage(), failure.get());
            }
        }
        throw new AssertionError("no matching alert on the stream within " + millis + " ms");
    }

    /** How many comment lines (e.g. keep-alives) the stream carried so far. */
    public int comments() {
        return comments.get();
    }

    @Override
    public void close() {
        closed = true;
        response.cancel(true);
    }

    private void fail(Throwable reason) {
        if (!closed) {
            failure.compareAndSet(null, reason);
        }
    }

    /** Reads the stream line by line. */
    private final class Lines implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(":")) {
                comments.incrementAndGet();
            } else if (line.startsWith("data:")) {
                try {
                    events.add(EventJson.mapper().readTree(line.substring(5)));
                } catch (IOException e) {
                    fail(new IllegalStateException("not JSON on the stream: " + line, e));
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            fail(throwable);
        }

        @Override
        public void onComplete() {
            fail(new IllegalStateException("the stream ended"));
        }
    }
}
