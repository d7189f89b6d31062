package org.careloop.system.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>Storm mode ({@code ./care bench storm [rate] [screenings] [open-alerts]}, on the test stack,
 * whose ladders may have steps of seconds): the calm round as above first, then the same
 * measurement while several hundred alerts climb a ladder of {@link #STORM_STEP} steps and every
 * step is paged to a webhook on loopback that accepts connections and never answers. Arguments:
 * {@code storm}, gateway URL, rate, screenings, open alerts, risk's JDBC URL, Kafka's p50, p99 and
 * average.
 */
public final class AlertLatencyBenchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AlertLatencyBenchmark() {}

    /**
     * A round's figures: submission to the alert on the stream, the screening request alone, and
     * the part after risk-service raised the alert (its decision time, from the notice, to the
     * stream; same machine, same clock).
     */
    record Round(
            List<Long> alertNanos,
            List<Long> submitNanos,
            List<Long> afterRaisedNanos,
            double seconds) {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("storm")) {
            storm(args);
            return;
        }
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
        List<Long> afterRaised = sorted(measured.afterRaisedNanos());
        System.out.printf(
                "%-40s %9.1f %9.1f %9.1f %9.1f%n",
                "  of which risk raised it -> on SSE",
                ms(afterRaised, 0.50),
                ms(afterRaised, 0.95),
                ms(afterRaised, 0.99),
                ms(afterRaised, 1.0));
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
        return round(gateway, rate, registered(gateway, count, lastName, Double.MAX_VALUE));
    }

    /** Clients known to risk, registered at most {@code rate} a second (the gateway limits). */
    private static List<String> registered(String gateway, int count, String lastName, double rate)
            throws Exception {
        String intake = Tokens.of("intake1");
        List<String> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            paced(start, i, rate);
            clients.add(register(gateway, intake, lastName, i));
        }
        awaitKnownToRisk(gateway, clients);
        return clients;
    }

    private static void paced(long start, int i, double rate) {
        long due = start + (long) (i * 1e9 / rate);
        while (System.nanoTime() < due) {
            Thread.onSpinWait();
        }
    }

    private static Round round(String gateway, double rate, List<String> clients) throws Exception {
        String intake = Tokens.of("intake1");
        int count = clients.size();

        Map<String, Long> submitted = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> afterRaised = Collections.synchronizedList(new ArrayList<>());
        List<Long> submits = new ArrayList<>();
        CountDownLatch arrived = new CountDownLatch(count);
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
                                        afterRaised.add(
                                                java.time.Duration.between(
                                                                java.time.Instant.parse(
                                                                        notice.get("raisedAt")
                                                                                .asText()),
                                                                java.time.Instant.now())
                                                        .toNanos());
                                        arrived.countDown();
                                    } catch (InterruptedException | AssertionError e) {
                                        return;
                                    }
                                }
                            });
            collector.start();
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                paced(start, i, rate);
                long sent = System.nanoTime();
                submitted.put(clients.get(i), sent);
                screen(gateway, intake, clients.get(i));
                submits.add(System.nanoTime() - sent);
            }
            end = System.nanoTime();
            arrived.await(60, TimeUnit.SECONDS);
            collector.interrupt();
        }
        return new Round(
                new ArrayList<>(latencies),
                submits,
                new ArrayList<>(afterRaised),
                (end - start) / 1e9);
    }

    private static void screen(String gateway, String token, String client) throws Exception {
        post(
                gateway + "/api/intake/clients/" + client + "/assessments",
                token,
                "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,1]}");
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

    /**
     * Waits until risk's client directory holds the last client (its database from {@code
     * CARELOOP_RISK_JDBC}, which ./care bench sets: risk answers a supervisor's read of a client
     * they have no relation to with 403 whether or not it knows the client).
     */
    private static void awaitKnownToRisk(String gateway, List<String> clients) throws Exception {
        String riskDb = System.getenv("CARELOOP_RISK_JDBC");
        if (riskDb == null) {
            throw new IllegalStateException("CARELOOP_RISK_JDBC must name risk's database");
        }
        String last = clients.get(clients.size() - 1);
        for (int tries = 0; tries < 600; tries++) {
            if (count(
                            riskDb,
                            "select count(*) from client_directory where client_id = '"
                                    + java.util.UUID.fromString(last)
                                    + "'")
                    == 1) {
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

    /** How long each tier of the storm's ladder gets to acknowledge. */
    static final Duration STORM_STEP = Duration.ofSeconds(6);

    /** How fast the storm's alerts are opened (under the gateway's limit for one token). */
    private static final double OPENING_RATE = 40;

    /** The calm round, then the same round under a storm; prints both side by side. */
    private static void storm(String[] args) throws Exception {
        String gateway = args[1];
        double rate = Double.parseDouble(args[2]);
        int count = Integer.parseInt(args[3]);
        int open = Integer.parseInt(args[4]);
        String riskDb = args[5];
        double kafkaP99 = Double.parseDouble(args[7]);
        int warmup = Math.max(50, count / 2);
        String supervisor = Tokens.of("supervisor1");
        // The clinic's default ladders (minutes): nothing escalates during the calm round.
        for (String priority : List.of("URGENT", "CRITICAL")) {
            send(
                    "DELETE",
                    gateway + "/api/risk/escalation-policies/" + priority,
                    supervisor,
                    null,
                    200);
        }

        // Someone on call at each tier, as in a clinic: steps page them, and the storm's alerts
        // climb.
        List<String> shifts = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now();
        for (String[] onCall :
                List.of(
                        new String[] {"oncall1", "PRIMARY"},
                        new String[] {"oncall2", "BACKUP"},
                        new String[] {"supervisor1", "SUPERVISOR"})) {
            shifts.add(
                    EventJson.mapper()
                            .readTree(
                                    send(
                                                    "POST",
                                                    gateway + "/api/risk/on-call/shifts",
                                                    supervisor,
                                                    "{\"clinician\":\""
                                                            + onCall[0]
                                                            + "\",\"tier\":\""
                                                            + onCall[1]
                                                            + "\",\"startsAt\":\""
                                                            + now.minus(Duration.ofMinutes(5))
                                                            + "\",\"endsAt\":\""
                                                            + now.plus(Duration.ofHours(2))
                                                            + "\"}",
                                                    201)
                                            .body())
                            .get("shiftId")
                            .asText());
        }

        System.out.printf("calm: warm-up of %d screenings at %.1f per second ...%n", warmup, rate);
        round(gateway, rate, warmup, "Warm");
        System.out.printf("calm: measuring %d screenings at %.1f per second ...%n", count, rate);
        Round calm = round(gateway, rate, count, "Calm");

        System.out.printf(
                "storm: registering %d clients to open alerts for, and %d to measure ...%n",
                open, count);
        List<String> stormClients = registered(gateway, open, "Storm", OPENING_RATE);
        List<String> measuredClients = registered(gateway, count, "Stormy", OPENING_RATE);
        Round stormy;
        StormFigures figures;
        try (DeadPager pager = new DeadPager();
                SseListener console =
                        new SseListener(
                                gateway + "/api/risk/alerts/stream", Tokens.of("supervisor1"))) {
            String admin = Tokens.of("admin1");
            String webhook =
                    EventJson.mapper()
                            .readTree(
                                    send(
                                                    "POST",
                                                    gateway + "/api/risk/webhooks",
                                                    admin,
                                                    "{\"url\":\"http://127.0.0.1:"
                                                            + pager.port()
                                                            + "/pager\",\"secret\":\"storm-benchmark-secret\"}",
                                                    201)
                                            .body())
                            .get("webhookId")
                            .asText();
            String step = STORM_STEP.toString();
            String ladder =
                    "{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\""
                            + step
                            + "\"},{\"tier\":\"BACKUP\",\"ackTimeout\":\""
                            + step
                            + "\"},{\"tier\":\"SUPERVISOR\",\"ackTimeout\":\""
                            + step
                            + "\"},{\"tier\":\"CRISIS_TEAM\"}]}";
            for (String priority : List.of("URGENT", "CRITICAL")) {
                send(
                        "PUT",
                        gateway + "/api/risk/escalation-policies/" + priority,
                        supervisor,
                        ladder,
                        200);
            }
            StormWatch watch = new StormWatch(console, stormClients);
            try {
                System.out.printf(
                        "storm: opening %d alerts at %.0f per second on a ladder of %s steps,"
                                + " paged to a webhook that never answers ...%n",
                        open, OPENING_RATE, step);
                String intake = Tokens.of("intake1");
                long start = System.nanoTime();
                for (int i = 0; i < open; i++) {
                    paced(start, i, OPENING_RATE);
                    screen(gateway, intake, stormClients.get(i));
                }
                awaitStorm(watch, riskDb, open);
                long attemptsBefore = count(riskDb, "select count(*) from webhook_attempt");
                int escalationsBefore = watch.escalations.get();
                System.out.printf(
                        "storm: measuring %d screenings at %.1f per second ...%n", count, rate);
                stormy = round(gateway, rate, measuredClients);
                figures =
                        new StormFigures(
                                watch.raised.size(),
                                watch.escalations.get() - escalationsBefore,
                                count(riskDb, "select count(*) from webhook_attempt")
                                        - attemptsBefore,
                                count(
                                        riskDb,
                                        "select count(*) from webhook_delivery"
                                                + " where delivered_at is null"
                                                + " and next_attempt_at is not null"),
                                count(
                                        riskDb,
                                        "select coalesce(max(attempts), 0) from webhook_delivery"),
                                pager.connections.get());
            } finally {
                watch.stop();
                System.out.println(
                        "storm: cleaning up: acknowledging the storm's alerts, removing the"
                                + " webhook, resetting the ladders ...");
                int refused = 0;
                for (String alert : List.copyOf(watch.raised)) {
                    try {
                        send(
                                "POST",
                                gateway + "/api/risk/alerts/" + alert + "/acknowledgements",
                                supervisor,
                                null,
                                200);
                    } catch (IllegalStateException e) {
                        if (refused++ == 0) {
                            System.out.println("storm: " + e.getMessage());
                        }
                    }
                }
                if (refused > 0) {
                    System.out.printf("storm: %d alerts could not be acknowledged%n", refused);
                }
                send("DELETE", gateway + "/api/risk/webhooks/" + webhook, admin, null, 204);
                for (String priority : List.of("URGENT", "CRITICAL")) {
                    send(
                            "DELETE",
                            gateway + "/api/risk/escalation-policies/" + priority,
                            supervisor,
                            null,
                            200);
                }
                for (String shift : shifts) {
                    try {
                        send(
                                "DELETE",
                                gateway + "/api/risk/on-call/shifts/" + shift,
                                supervisor,
                                null,
                                204);
                    } catch (IllegalStateException e) {
                        System.out.println("storm: " + e.getMessage());
                    }
                }
            }
        }

        List<Long> calmAlerts = sorted(calm.alertNanos());
        List<Long> stormAlerts = sorted(stormy.alertNanos());
        System.out.printf(
                "%nduring the storm's measurement: %d storm alerts open, %d escalation steps"
                        + " taken, %d webhook attempts made, %d deliveries waiting to be tried"
                        + " (again), most attempts at one delivery %d, %d connections held by"
                        + " the dead pager%n",
                figures.open(),
                figures.escalations(),
                figures.attempts(),
                figures.pending(),
                figures.mostAttempts(),
                figures.pagerConnections());
        System.out.printf(
                "%d of %d calm and %d of %d storm alerts arrived%n",
                calmAlerts.size(), count, stormAlerts.size(), count);
        System.out.printf(
                "%-40s %9s %9s %9s %9s%n", "new alert on SSE (ms)", "p50", "p95", "p99", "max");
        for (var row :
                Map.of(
                                "calm",
                                calmAlerts,
                                "storm",
                                stormAlerts,
                                "calm, risk raised it -> on SSE",
                                sorted(calm.afterRaisedNanos()),
                                "storm, risk raised it -> on SSE",
                                sorted(stormy.afterRaisedNanos()))
                        .entrySet()
                        .stream()
                        .sorted(Map.Entry.comparingByKey())
                        .toList()) {
            System.out.printf(
                    "%-40s %9.1f %9.1f %9.1f %9.1f%n",
                    row.getKey() + " (" + rate + "/s)",
                    ms(row.getValue(), 0.50),
                    ms(row.getValue(), 0.95),
                    ms(row.getValue(), 0.99),
                    ms(row.getValue(), 1.0));
        }
        System.out.printf(
                "%-40s %9s %9s %9.1f%n", "Kafka end-to-end, same broker", "-", "-", kafkaP99);
        System.out.printf(
                "storm p99 / calm p99: %.2f (target at most 2); calm p99 / Kafka p99: %.1f (target"
                        + " at most 5)%n",
                ms(stormAlerts, 0.99) / ms(calmAlerts, 0.99), ms(calmAlerts, 0.99) / kafkaP99);
        if (calmAlerts.size() < count || stormAlerts.size() < count) {
            System.exit(1);
        }
    }

    /** Waits until the storm's alerts are escalating and their pages are failing. */
    private static void awaitStorm(StormWatch watch, String riskDb, int open) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long failed = count(riskDb, "select count(*) from webhook_attempt where status = 0");
            if (watch.raised.size() >= open && watch.escalations.get() > 0 && failed > 0) {
                System.out.printf(
                        "storm: %d alerts open, %d escalation steps so far, %d failed pages%n",
                        watch.raised.size(), watch.escalations.get(), failed);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(
                "the storm did not build up: "
                        + watch.raised.size()
                        + " alerts raised, "
                        + watch.escalations.get()
                        + " escalation steps");
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, "careloop", "careloop");
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    record StormFigures(
            int open,
            int escalations,
            long attempts,
            long pending,
            long mostAttempts,
            int pagerConnections) {}

    /** Counts, from a supervisor's stream, the storm's alerts raised and its escalation steps. */
    private static final class StormWatch {

        final List<String> raised = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger escalations = new AtomicInteger();
        private final Thread reader;

        StormWatch(SseListener console, List<String> clients) {
            java.util.Set<String> storm = java.util.Set.copyOf(clients);
            reader =
                    new Thread(
                            () -> {
                                while (!Thread.currentThread().isInterrupted()) {
                                    try {
                                        JsonNode notice =
                                                console.next(
                                                        n ->
                                                                storm.contains(
                                                                        n.path("clientId")
                                                                                .asText()),
                                                        1_000);
                                        switch (notice.get("kind").asText()) {
                                            case "RAISED" ->
                                                    raised.add(notice.get("alertId").asText());
                                            case "ESCALATED" -> escalations.incrementAndGet();
                                            default -> {}
                                        }
                                    } catch (AssertionError e) {
                                        // nothing for a second: read on
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            });
            reader.setDaemon(true);
            reader.start();
        }

        void stop() throws InterruptedException {
            reader.interrupt();
            reader.join(5_000);
        }
    }

    /**
     * A pager endpoint on loopback that is down in the worst way: it accepts each connection and
     * never answers, so every delivery waits for its timeout.
     */
    private static final class DeadPager implements AutoCloseable {

        final AtomicInteger connections = new AtomicInteger();
        private final ServerSocket server;
        private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());

        DeadPager() throws IOException {
            server = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
            Thread acceptor =
                    new Thread(
                            () -> {
                                while (!server.isClosed()) {
                                    try {
                                        held.add(server.accept());
                                        connections.incrementAndGet();
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (held) {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static HttpResponse<String> send(
            String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method
                            + " "
                            + url
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return response;
    }
}
