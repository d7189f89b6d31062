package org.careloop.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.careloop.contracts.codec.EventJson;

/** Listens to a Server-Sent Events stream like an on-call console would, collecting each event's JSON. */
public final class SseListener implements AutoCloseable {

    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger comments = new java.util.concurrent.atomic.AtomicInteger();
    private final CompletableFuture<HttpResponse<Void>> response;

    public SseListener(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith(":")) {
                            comments.incrementAndGet();
                        } else if (line.startsWith("data:")) {
                            try {
                                events.add(EventJson.mapper().readTree(line.substring(5)));
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException("not JSON on the stream: " + line, e);
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
    }

    /** The next event that matches, or an assertion failure after the timeout. */
    public JsonNode next(java.util.function.Predicate<JsonNode> match, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            JsonNode event = events.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (event != null && match.test(event)) {
                return event;
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
        response.cancel(true);
    }
}
