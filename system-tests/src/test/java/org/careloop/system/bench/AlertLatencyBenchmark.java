package org.careloop.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.testing.SseListener;
import org.careloop.platform.testing.Tokens;

/**
 * Drives PHQ-9 screenings with a positive item 9 through the gateway at a fixed rate and measures, for each, the time
 * from submitting the screening to its crisis alert arriving on a supervisor's Server-Sent Events stream. Not a test:
 * it prints figures. Run by {@code ./care bench [rate-per-second] [screenings]}.
 */
public final class AlertLatencyBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        double rate = Double.parseDouble(args[1]);
        int count = Integer.parseInt(args[2]);
        String intake = Tokens.of("intake1");

        System.out.printf("registering %d clients ...%n", count);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(register(gateway, intake, i));
        }
        awaitKnownToRisk(gateway, clients);

        Map<String, Long> submitted = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch arrived = new CountDownLatch(count);
        long periodNanos = (long) (1_000_000_000L / rate);
        try (SseListener console = new SseListener(gateway + "/api/risk/alerts/stream", Tokens.of("supervisor1"))) {
            Thread collector = new Thread(() -> {
                while (arrived.getCount() > 0) {
                    try {
                        JsonNode notice = console.next(n -> "RAISED".equals(n.get("kind").asText())
                                && submitted.containsKey(n.get("clientId").asText()), 60_000);
                        latencies.add(System.nanoTime() - submitted.get(notice.get("clientId").asText()));
                        arrived.countDown();
                    } catch (InterruptedException | AssertionError e) {
                        return;
                    }
                }
            });
            collector.start();
            System.out.printf("submitting %d screenings at %.1f per second ...%n", count, rate);
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                submitted.put(clients.get(i), System.nanoTime());
                post(gateway + "/api/intake/clients/" + clients.get(i) + "/assessments", intake,
                        "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,1]}");
            }
            arrived.await(60, TimeUnit.SECONDS);
            collector.interrupt();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%nsubmit-to-SSE latency over %d of %d alerts (ms): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                sorted.size(), count, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String register(String gateway, String token, int i) throws Exception {
        HttpResponse<String> response = post(gateway + "/api/intake/clients", token,
                "{\"firstName\":\"Bench" + i + "\",\"lastName\":\"Mark\",\"dateOfBirth\":\"1990-01-01\"}");
        return EventJson.mapper().readTree(response.body()).get("clientId").asText();
    }

    private static void awaitKnownToRisk(String gateway, List<String> clients) throws Exception {
        String token = Tokens.of("supervisor1");
        String last = clients.get(clients.size() - 1);
        for (int tries = 0; tries < 300; tries++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/risk/clients/" + last))
                    .header("Authorization", "Bearer " + token).GET().build();
            if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("risk-service never learned of the benchmark's clients");
    }

    private static HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
