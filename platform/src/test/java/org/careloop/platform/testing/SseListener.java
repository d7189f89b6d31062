package org.careloop.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.careloop.contracts.codec.EventJson;

/**
 * Listens to a Server-Sent Events stream like an on-call console would, collecting each event's
 * JSON and id. A stream that is refused, breaks, ends or carries something that is not JSON fails
 * the next wait with that reason, rather than looking like a stream on which nothing happened. The
 * stream's opening {@code connected} event is kept apart: {@link #awaitConnected} waits for it.
 */
public final class SseListener implements AutoCloseable {

    /** One event: its id (null when it had none) and its data. */
    public record Event(String id, JsonNode data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicReference<String> lastEventId = new AtomicReference<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    // The opening event's own id: steps replayed right after it move lastEventId on at once.
    private final AtomicReference<String> connectedId = new AtomicReference<>();
    private final CompletableFuture<HttpResponse<Void>> response;
    private volatile boolean closed;

    public SseListener(String url, String token) {
        this(url, token, null);
    }

    /** A console reconnecting: it sends the id of the last event it received. */
    public SseListener(String url, String token, String lastEventId) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            builder.header("Last-Event-ID", lastEventId);
        }
        HttpRequest request = builder.GET().build();
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
        return nextEvent(match, millis).data();
    }

    /** Like {@link #next}, with the event's id. */
    public Event nextEvent(Predicate<JsonNode> match, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            Event event =
                    events.poll(
                            Math.min(100, Math.max(1, deadline - System.currentTimeMillis())),
                            TimeUnit.MILLISECONDS);
            if (event != null) {
                if (match.test(event.data())) {
                    return event;
                }
            } else if (failure.get() != null) {
                throw new AssertionError(
                        "the alert stream failed: " + failure.get().getMessage(), failure.get());
            }
        }
        throw new AssertionError("no matching alert on the stream within " + millis + " ms");
    }

    /**
     * Waits for the stream's opening event; returns its id, where the stream starts. Fails as soon
     * as the stream failed.
     */
    public String awaitConnected(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!connected.await(100, TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                throw new AssertionError(
                        "the alert stream failed: " + failure.get().getMessage(), failure.get());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the stream did not open within " + millis + " ms");
            }
        }
        return connectedId.get();
    }

    /** The id of the last event received, as a console sends it back on reconnecting. */
    public String lastEventId() {
        return lastEventId.get();
    }

    /** Every event received and not yet taken by a wait, in order. */
    public List<Event> drain() {
        List<Event> drained = new ArrayList<>();
        events.drainTo(drained);
        return drained;
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

    /** Reads the stream line by line; a blank line ends an event. */
    private final class Lines implements Flow.Subscriber<String> {

        private String id;
        private String name;
        private final StringBuilder data = new StringBuilder();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(":")) {
                comments.incrementAndGet();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            } else if (line.isEmpty()) {
                dispatch();
            }
        }

        private void dispatch() {
            if (id != null) {
                lastEventId.set(id);
            }
            if ("connected".equals(name)) {
                connectedId.set(id);
                connected.countDown();
            } else if (!data.isEmpty()) {
                try {
                    events.add(new Event(id, EventJson.mapper().readTree(data.toString())));
                } catch (IOException e) {
                    fail(new IllegalStateException("not JSON on the stream: " + data, e));
                }
            }
            id = null;
            name = null;
            data.setLength(0);
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
