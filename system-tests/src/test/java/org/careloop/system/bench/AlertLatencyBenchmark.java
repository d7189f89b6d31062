package org.careloop.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.testing.SseListener;
import org.careloop.platform.testing.Tokens;

/**
 * Drives PHQ-9 screenings with a positive item 9 through the gateway at a fixed rate and measures,
 * for each, the time from submitting the screening to its crisis alert arriving on a supervisor's
 * Server-Sent Events stream. A warm-up round at the same rate comes first and is not counted. Not a
 * test: it prints figures, beside Kafka's own end-to-end latency on the same broker when given. Run
 * by {@code ./care bench [rate-per-second] [screenings]}.
 *
 * <p>Arguments: gateway URL, rate per second, screenings, then optionally Kafka's p50, p99 and
 * average in milliseconds.
 */
public final class AlertLatencyBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertLatencyBenchmark() {}

    record Round(List<Long> alertNanos, List<Long> submitNanos, double seconds) {}

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        double rate = Double.parseDouble(args[1]);
        int count = Integer.parseInt(args[2]);
        int warmup = Math.max(50, count / 2);

        System.out.printf(
                "warm-up: %d screenings at %.1f per second (not counted) ...%n", warmup, rate);
        Round warm = round(gateway, rate, warmup, "Warm");
        System.out.printf("  warm-up: %d of %d alerts arrived%n", warm.alertNanos().size(), warmup);
        System.out.printf("measuring: %d screenings at %.1f per second ...%n", count, rate);
        Round measured = round(gateway, rate, count, "Bench");

        List<Long> alerts = sorted(measured.alertNanos());
        List<Long> submits = sorted(measured.submitNanos());
        System.out.printf(
                "%n%d of %d alerts arrived; submitted at %.1f per second%n",
                alerts.size(), count, count / measured.seconds());
        System.out.printf("%-40s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p95", "p99", "max");
        System.out.printf(
                "%-40s %9.1f %9.1f %9.1f %9.1f%n",
                "screening submitted -> alert on SSE",
                ms(alerts, 0.50),
                ms(alerts, 0.95),
                ms(alerts, 0.99),
                ms(alerts, 1.0));
        System.out.printf(
                "%-40s %9.1f %9.1f %9.1f %9.1f%n",
                "screening POST answered (201)",
                ms(submits, 0.50),
                ms(submits, 0.95),
                ms(submits, 0.99),
                ms(submits, 1.0));
        if (args.length >= 6) {
            double kafkaP50 = Double.parseDouble(args[3]);
            double kafkaP99 = Double.parseDouble(args[4]);
            double kafkaAverage = Double.parseDouble(args[5]);
            System.out.printf(
                    "%-40s %9.1f %9s %9.1f %9s   (average %.2f)%n",
                    "Kafka end-to-end, same broker", kafkaP50, "-", kafkaP99, "-", kafkaAverage);
            System.out.printf(
                    "%-40s %9s %9s %9s%n",
                    "ratio alert / Kafka",
                    ratio(ms(alerts, 0.50), kafkaP50),
                    "",
                    ratio(ms(alerts, 0.99), kafkaP99));
        }
        if (alerts.size() < count) {
            System.exit(1);
        }
    }

    private static Round round(String gateway, double rate, int count, String lastName)
            throws Exception {
        String intake = Tokens.of("intake1");
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(register(gateway, intake, lastName, i));
        }
        awaitKnownToRisk(gateway, clients);

        Map<String, Long> submitted = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> submits = new ArrayList<>();
        CountDownLatch arrived = new CountDownLatch(count);
        long periodNanos = (long) (1_000_000_000L / rate);
        long start;
        long end;
        try (SseListener console =
                new SseListener(gateway + "/api/risk/alerts/stream", Tokens.of("supervisor1"))) {
            Thread collector =
                    new Thread(
                            () -> {
                                while (arrived.getCount() > 0) {
                                    try {
                                        JsonNode notice =
                                                console.next(
                                                        n ->
                                                                "RAISED"
                                                                                .equals(
                                                                                        n.get(
                                                                                                        "kind")
                                                                                                .asText())
                                                                        && submitted.containsKey(
                                                                                n.get("clientId")
                                                                                        .asText()),
                                                        60_000);
                                        latencies.add(
                                                System.nanoTime()
                                                        - submitted.get(
                                                                notice.get("clientId").asText()));
                                        arrived.countDown();
                                    } catch (InterruptedException | AssertionError e) {
                                        return;
                                    }
                                }
                            });
            collector.start();
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * periodNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                long sent = System.nanoTime();
                submitted.put(clients.get(i), sent);
                post(
                        gateway + "/api/intake/clients/" + clients.get(i) + "/assessments",
                        intake,
                        "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,1]}");
                submits.add(System.nanoTime() - sent);
            }
            end = System.nanoTime();
            arrived.await(60, TimeUnit.SECONDS);
            collector.interrupt();
        }
        return new Round(new ArrayList<>(latencies), submits, (end - start) / 1e9);
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String ratio(double ours, double reference) {
        return reference > 0 ? String.format("%.0fx", ours / reference) : "-";
    }

    private static String register(String gateway, String token, String lastName, int i)
            throws Exception {
        HttpResponse<String> response =
                post(
                        gateway + "/api/intake/clients",
                        token,
                        "{\"firstName\":\"Bench"
                                + i
                                + "\",\"lastName\":\""
                                + lastName
                                + "\",\"dateOfBirth\":\"1990-01-01\"}");
        return EventJson.mapper().readTree(response.body()).get("clientId").asText();
    }

    private static void awaitKnownToRisk(String gateway, List<String> clients) throws Exception {
        String token = Tokens.of("supervisor1");
        String last = clients.get(clients.size() - 1);
        for (int tries = 0; tries < 300; tries++) {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(gateway + "/api/risk/clients/" + last))
                            .header("Authorization", "Bearer " + token)
                            .GET()
                            .build();
            if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("risk-service never learned of the benchmark's clients");
    }

    private static HttpResponse<String> post(String url, String token, String body)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
