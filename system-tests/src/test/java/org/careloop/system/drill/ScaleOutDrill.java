package org.careloop.system.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.careloop.contracts.Topics;
import org.careloop.platform.testing.Tokens;

/**
 * The scale-out drill: steady registrations and screenings through the gateway while a Kafka broker
 * and one instance of every service are killed, then brought back. Afterwards it checks, from the
 * services' own stores and the topics: every client answered 2xx is stored once and in every
 * service's projection; every stored event reached its topic and every consumer's inbox; every
 * positive screening raised exactly one alert, whose escalation ladder climbed each step once. It
 * prints throughput and latency before, during and after, and exits 1 when a check fails.
 *
 * <p>Arguments: gateway URL, seconds per phase, visits per second, the JDBC URL of a service's
 * database with {@code %s} for the service's short name, Kafka's bootstrap servers, the {@code
 * ./care} script, and the parts to kill (comma-separated). Run by {@code ./care drill} and,
 * shorter, by {@code ./care test}; both on the test stack at {@code CARE_SCALE=2}.
 */
public final class ScaleOutDrill {

    static final List<String> CONSUMERS = List.of("treatment", "risk", "referral", "billing");

    /** Each step of the drill's ladder waits this long for an acknowledgement; nobody answers. */
    static final String STEP = "PT2S";

    /** The ladder the drill sets for URGENT alerts: three timed steps, then the crisis team. */
    static final List<String> TIERS = List.of("PRIMARY", "BACKUP", "SUPERVISOR", "CRISIS_TEAM");

    /** Every third visit screens the client with a positive PHQ-9. */
    static final int SCREEN_EVERY = 3;

    static final Duration SETTLE = Duration.ofSeconds(180);

    /**
     * The warm-up ends once a window this long saw 95 % of its answers within {@link #KEEPING_UP}.
     */
    static final Duration STEADY_WINDOW = Duration.ofSeconds(10);

    static final Duration KEEPING_UP = Duration.ofSeconds(1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The warm-up gives freshly started instances the same load for a phase at least, and then
     * until they keep up (see {@link #steady}); its figures are shown, not compared, and its
     * answers are checked like every other.
     */
    enum Phase {
        WARM_UP,
        BEFORE,
        DURING,
        AFTER
    }

    /** One request the drill sent: what, in which phase, how long, and the answer. */
    record Sent(String kind, Phase phase, long nanos, long endedAt, int status, String id) {
        boolean answered() {
            return status >= 200 && status < 300;
        }
    }

    private final String gateway;
    private final Duration phaseLength;
    private final double rate;
    private final String jdbc;
    private final String kafka;
    private final String care;
    private final List<String> victims;
    private final Queue sent = new Queue();
    private volatile Phase phase = Phase.WARM_UP;
    private final List<String> violations = new ArrayList<>();

    ScaleOutDrill(String[] args) {
        gateway = args[0];
        phaseLength = Duration.ofSeconds(Long.parseLong(args[1]));
        rate = Double.parseDouble(args[2]);
        jdbc = args[3];
        kafka = args[4];
        care = args[5];
        victims = List.of(args[6].split(","));
    }

    public static void main(String[] args) throws Exception {
        ScaleOutDrill drill = new ScaleOutDrill(args);
        boolean passed = drill.run();
        System.exit(passed ? 0 : 1);
    }

    boolean run() throws Exception {
        Instant started = Instant.now();
        prepareLadder();
        System.out.printf(
                "load: %.1f visits a second (each registers a client; one in %d also submits a"
                        + " positive PHQ-9), %d s per phase%n",
                rate, SCREEN_EVERY, phaseLength.toSeconds());
        Map<Phase, Double> spans = new EnumMap<>(Phase.class);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService visitors = Executors.newFixedThreadPool(24);
        AtomicInteger visits = new AtomicInteger();
        pacer.scheduleAtFixedRate(
                () -> {
                    int visit = visits.incrementAndGet();
                    visitors.submit(() -> visit(visit));
                },
                0,
                Math.round(1_000_000 / rate),
                TimeUnit.MICROSECONDS);

        long warming = System.nanoTime();
        sleepFor(phaseLength);
        Duration longestWarmUp = phaseLength.multipliedBy(4);
        while (!steady(started) && System.nanoTime() - warming < longestWarmUp.toNanos()) {
            sleepFor(STEADY_WINDOW.dividedBy(2));
        }
        System.out.printf(
                "warm-up: %s after %.0f s%n",
                steady(started) ? "keeping up" : "still not keeping up, measuring anyway",
                (System.nanoTime() - warming) / 1e9);
        long t0 = System.nanoTime();
        phase = Phase.BEFORE;
        sleepFor(phaseLength);
        long t1 = System.nanoTime();
        phase = Phase.DURING;
        System.out.printf("killing %s%n", String.join(", ", victims));
        for (String part : victims) {
            care("kill", part);
        }
        sleepFor(phaseLength);
        System.out.printf("starting them again%n");
        long restarting = System.nanoTime();
        restart(victims);
        long t2 = System.nanoTime();
        System.out.printf(
                "  all back in %.1f s (down %.1f s in all)%n",
                (t2 - restarting) / 1e9, (t2 - t1) / 1e9);
        phase = Phase.AFTER;
        sleepFor(phaseLength);
        long t3 = System.nanoTime();
        pacer.shutdownNow();
        visitors.shutdown();
        visitors.awaitTermination(60, TimeUnit.SECONDS);
        spans.put(Phase.WARM_UP, (t0 - warming) / 1e9);
        spans.put(Phase.BEFORE, (t1 - t0) / 1e9);
        spans.put(Phase.DURING, (t2 - t1) / 1e9);
        spans.put(Phase.AFTER, (t3 - t2) / 1e9);

        Stores stores = settleAndRead(started);
        report(spans, stores);
        check(stores);
        if (violations.isEmpty()) {
            System.out.println(
                    "drill passed: nothing answered 2xx was lost, nothing applied twice");
            return true;
        }
        System.out.printf("drill FAILED: %d violation(s)%n", violations.size());
        violations.stream().limit(40).forEach(v -> System.out.println("  " + v));
        return false;
    }

    // --- the load ------------------------------------------------------------------------------

    private void visit(int visit) {
        Phase at = phase;
        Sent registration =
                post(
                        at,
                        "registration",
                        "/api/intake/clients",
                        "{\"firstName\":\"Drill\",\"lastName\":\"Visit"
                                + visit
                                + "\",\"dateOfBirth\":\"1988-05-06\",\"phone\":\"+1 555 0177\"}",
                        "clientId");
        if (registration.answered() && visit % SCREEN_EVERY == 0) {
            post(
                    phase,
                    "screening",
                    "/api/intake/clients/" + registration.id() + "/assessments",
                    "{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,2]}",
                    "assessmentId");
        }
    }

    private Sent post(Phase at, String kind, String path, String body, String idField) {
        long begin = System.nanoTime();
        int status;
        String id = null;
        try {
            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(gateway + path))
                                    .timeout(Duration.ofSeconds(15))
                                    .header("Authorization", "Bearer " + Tokens.of("intake1"))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status / 100 == 2) {
                id = JSON.readTree(response.body()).path(idField).asText(null);
            }
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        long ended = System.nanoTime();
        Sent request = new Sent(kind, at, ended - begin, ended, status, id);
        sent.add(request);
        return request;
    }

    private void prepareLadder() throws IOException, InterruptedException {
        StringBuilder steps = new StringBuilder("{\"steps\":[");
        for (String tier : TIERS) {
            steps.append("{\"tier\":\"").append(tier).append('"');
            if (!tier.equals("CRISIS_TEAM")) {
                steps.append(",\"ackTimeout\":\"").append(STEP).append('"');
            }
            steps.append("},");
        }
        steps.setLength(steps.length() - 1);
        steps.append("]}");
        send("PUT", "/api/risk/escalation-policies/URGENT", steps.toString(), 200, 200);
        Instant now = Instant.now();
        // Someone on call at every tier of the rota, so no step is skipped (the crisis team is not
        // on it).
        for (String[] shift :
                new String[][] {
                    {"oncall1", "PRIMARY"}, {"oncall2", "BACKUP"}, {"supervisor1", "SUPERVISOR"}
                }) {
            send(
                    "POST",
                    "/api/risk/on-call/shifts",
                    "{\"clinician\":\""
                            + shift[0]
                            + "\",\"tier\":\""
                            + shift[1]
                            + "\",\"startsAt\":\""
                            + now.minus(Duration.ofMinutes(5))
                            + "\",\"endsAt\":\""
                            + now.plus(Duration.ofHours(2))
                            + "\"}",
                    201,
                    409 /* a drill run earlier on this stack left the tier held */);
        }
    }

    private void send(String method, String path, String body, int expected, int alsoFine)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(gateway + path))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + Tokens.of("supervisor1"))
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected && response.statusCode() != alsoFine) {
            throw new IllegalStateException(
                    method
                            + " "
                            + path
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
    }

    /**
     * Keeping up with the load: every request of the last window answered, 95 % within a second,
     * and risk has raised an alert for all but the last couple of screenings intake stored.
     */
    private boolean steady(Instant since) {
        long windowStart = System.nanoTime() - STEADY_WINDOW.toNanos();
        List<Sent> recent = sent.all().stream().filter(s -> s.endedAt() >= windowStart).toList();
        List<Long> latencies = recent.stream().map(Sent::nanos).sorted().toList();
        boolean quick =
                !recent.isEmpty()
                        && recent.stream().allMatch(Sent::answered)
                        && percentile(latencies, 95) < KEEPING_UP.toNanos();
        long screened = countSince("intake", "intake.assessment.AssessmentCompleted", since);
        long raised = countSince("risk", "risk.alert.Raised", since);
        return quick && screened - raised <= 2;
    }

    // --- killing and restarting ----------------------------------------------------------------

    private void restart(List<String> parts) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(parts.size());
        List<Future<String>> started = new ArrayList<>();
        for (String part : parts) {
            started.add(starters.submit(() -> care("start", part)));
        }
        for (Future<String> start : started) {
            start.get(5, TimeUnit.MINUTES)
                    .lines()
                    .filter(line -> line.contains(" is up "))
                    .forEach(line -> System.out.println("  " + line.strip()));
        }
        starters.shutdown();
    }

    private String care(String command, String part) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(care, command, part)
                        .redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    "./care " + command + " " + part + " failed:\n" + output);
        }
        return output;
    }

    private static void sleepFor(Duration length) throws InterruptedException {
        Thread.sleep(length.toMillis());
    }

    // --- what the stores hold afterwards -------------------------------------------------------

    /** What the drill reads back: events stored by intake and risk, inboxes, topics. */
    record Stores(
            Set<String> registered,
            Map<String, Integer> registrationsByClient,
            Map<String, Integer> screeningsByAssessment,
            Map<String, Instant> screenedAt,
            Map<String, String> screenedClient,
            Map<String, List<String>> alertsByClient,
            Map<String, List<Integer>> escalationsByAlert,
            Map<String, Instant> raisedAt,
            Set<String> intakeEventIds,
            Set<String> registrationEventIds,
            Set<String> riskEventIds,
            Map<String, Set<String>> knownClients,
            Map<String, Set<String>> inboxes,
            Map<String, Integer> onTopic,
            Set<String> outcomeScores,
            long openDeadlines) {}

    private Stores settleAndRead(Instant since) throws Exception {
        System.out.printf(
                "waiting (at most %d s) for every service to catch up ...%n", SETTLE.toSeconds());
        Set<String> answeredClients = new HashSet<>();
        for (Sent s : sent.of("registration")) {
            if (s.answered()) {
                answeredClients.add(s.id());
            }
        }
        long settleStart = System.nanoTime();
        await(
                () ->
                        count("intake", "select count(*) from outbox where published_at is null")
                                == 0,
                "intake's outbox to empty");
        Set<String> stored = idsSince("intake", "intake.client.ClientRegistered", since);
        for (String consumer : CONSUMERS) {
            await(
                    () -> clientsKnown(consumer, stored).size() == stored.size(),
                    consumer + "-service to know every client");
        }
        long expectedAlerts = countSince("intake", "intake.assessment.AssessmentCompleted", since);
        await(
                () -> {
                    long raised = countSince("risk", "risk.alert.Raised", since);
                    long escalated = countSince("risk", "risk.alert.Escalated", since);
                    return raised >= expectedAlerts && escalated >= raised * (TIERS.size() - 1);
                },
                "every alert to climb its ladder");
        for (String service : List.of("risk", "treatment", "referral", "billing")) {
            await(
                    () ->
                            count(service, "select count(*) from outbox where published_at is null")
                                    == 0,
                    service + "'s outbox to empty");
        }
        System.out.printf("  settled in %.1f s%n", (System.nanoTime() - settleStart) / 1e9);

        Map<String, Integer> registrations = new HashMap<>();
        Map<String, Integer> screeningsByAssessment = new HashMap<>();
        Map<String, Instant> screenedAt = new HashMap<>();
        Map<String, String> screenedClient = new HashMap<>();
        for (Row row : events("intake", since)) {
            if (row.type().equals("intake.client.ClientRegistered")) {
                registrations.merge(row.streamId(), 1, Integer::sum);
            } else if (row.type().equals("intake.assessment.AssessmentCompleted")) {
                JsonNode payload = JSON.readTree(row.payload());
                String assessment = payload.path("assessmentId").asText();
                screeningsByAssessment.merge(assessment, 1, Integer::sum);
                screenedAt.put(assessment, row.recordedAt());
                screenedClient.put(assessment, payload.path("clientId").asText());
            }
        }
        Map<String, List<String>> alertsByClient = new HashMap<>();
        Map<String, List<Integer>> escalations = new HashMap<>();
        Map<String, Instant> raisedAt = new HashMap<>();
        for (Row row : events("risk", since)) {
            JsonNode payload = JSON.readTree(row.payload());
            if (row.type().equals("risk.alert.Raised")) {
                String client = payload.path("clientId").asText();
                alertsByClient.computeIfAbsent(client, c -> new ArrayList<>()).add(row.streamId());
                raisedAt.put(client, row.recordedAt());
            } else if (row.type().equals("risk.alert.Escalated")) {
                escalations
                        .computeIfAbsent(row.streamId(), a -> new ArrayList<>())
                        .add(payload.path("step").asInt());
            }
        }
        // What was published: the integration events in the outboxes, with ids of their own.
        Set<String> intakeEvents = published("intake", since, "%");
        Set<String> registrationEvents =
                published("intake", since, "careloop.intake.ClientRegistered.%");
        Set<String> riskEvents = published("risk", since, "%");
        Map<String, Set<String>> known = new HashMap<>();
        Map<String, Set<String>> inboxes = new HashMap<>();
        for (String consumer : CONSUMERS) {
            known.put(consumer, clientsKnown(consumer, registrations.keySet()));
            inboxes.put(consumer, inbox(consumer, registrationEvents));
            checkClientOrder(consumer, since);
        }
        Set<String> screened = screeningsByAssessment.keySet();
        await(
                () -> outcomeScores(screened).size() == screened.size(),
                "treatment-service's outcome series to hold every screening");
        Set<String> outcomeScores = outcomeScores(screened);
        Map<String, Integer> onTopic = new HashMap<>();
        readTopic(Topics.INTAKE, onTopic);
        readTopic(Topics.RISK, onTopic);
        long openDeadlines =
                count(
                        "risk",
                        "select count(*) from deadline d join event_store e on e.stream_id::text = d.stream_id::text"
                                + " where e.event_type = 'risk.alert.Raised'");
        return new Stores(
                answeredClients,
                registrations,
                screeningsByAssessment,
                screenedAt,
                screenedClient,
                alertsByClient,
                escalations,
                raisedAt,
                intakeEvents,
                registrationEvents,
                riskEvents,
                known,
                inboxes,
                onTopic,
                outcomeScores,
                openDeadlines);
    }

    // --- the checks ----------------------------------------------------------------------------

    private void check(Stores stores) {
        for (Sent registration : sent.of("registration")) {
            if (!registration.answered()) {
                continue;
            }
            int stored = stores.registrationsByClient().getOrDefault(registration.id(), 0);
            if (stored != 1) {
                violations.add(
                        "client "
                                + registration.id()
                                + " answered 201 is stored "
                                + stored
                                + " times");
            }
        }
        for (Sent screening : sent.of("screening")) {
            if (!screening.answered()) {
                continue;
            }
            int stored = stores.screeningsByAssessment().getOrDefault(screening.id(), 0);
            if (stored != 1) {
                violations.add(
                        "screening "
                                + screening.id()
                                + " answered 201 is stored "
                                + stored
                                + " times");
            }
        }
        // Every client stored, answered or not, reached every consumer's projection and inbox.
        for (String consumer : CONSUMERS) {
            for (String client : stores.registrationsByClient().keySet()) {
                if (!stores.knownClients().get(consumer).contains(client)) {
                    violations.add(consumer + "-service never learnt of client " + client);
                }
            }
            Set<String> inbox = stores.inboxes().get(consumer);
            for (String event : stores.registrationEventIds()) {
                if (!inbox.contains(event)) {
                    violations.add(consumer + "-service's inbox lacks intake event " + event);
                }
            }
        }
        for (String assessment : stores.screeningsByAssessment().keySet()) {
            if (!stores.outcomeScores().contains(assessment)) {
                violations.add("treatment-service's outcome series lacks screening " + assessment);
            }
        }
        checkOnTopic(stores.intakeEventIds(), stores, Topics.INTAKE);
        checkOnTopic(stores.riskEventIds(), stores, Topics.RISK);
        // One alert per positive screening, each climbing its ladder once: one timer firing per
        // step.
        for (Map.Entry<String, String> screening : stores.screenedClient().entrySet()) {
            List<String> alerts =
                    stores.alertsByClient().getOrDefault(screening.getValue(), List.of());
            if (alerts.size() != 1) {
                violations.add(
                        "screening "
                                + screening.getKey()
                                + " raised "
                                + alerts.size()
                                + " alerts for client "
                                + screening.getValue());
                continue;
            }
            List<Integer> steps =
                    stores.escalationsByAlert().getOrDefault(alerts.get(0), List.of()).stream()
                            .sorted()
                            .toList();
            List<Integer> ladder = new ArrayList<>();
            for (int step = 2; step <= TIERS.size(); step++) {
                ladder.add(step);
            }
            if (!steps.equals(ladder)) {
                violations.add(
                        "alert "
                                + alerts.get(0)
                                + " escalated to steps "
                                + steps
                                + ", not "
                                + ladder);
            }
        }
        if (stores.alertsByClient().size() != stores.screenedClient().size()) {
            violations.add(
                    stores.alertsByClient().size()
                            + " clients have alerts, but "
                            + stores.screenedClient().size()
                            + " were screened");
        }
        if (stores.openDeadlines() != 0) {
            violations.add(
                    stores.openDeadlines()
                            + " escalation timers of finished ladders are still set");
        }
    }

    private void checkOnTopic(Set<String> eventIds, Stores stores, String topic) {
        for (String event : eventIds) {
            if (!stores.onTopic().containsKey(event)) {
                violations.add("event " + event + " left the outbox but is not on " + topic);
            }
        }
    }

    // --- the figures ---------------------------------------------------------------------------

    private void report(Map<Phase, Double> spans, Stores stores) {
        System.out.println();
        System.out.printf(
                "%-7s %7s %6s %11s %9s %9s %9s %12s %12s%n",
                "phase",
                "seconds",
                "sent",
                "answered",
                "2xx/s",
                "p50 ms",
                "p99 ms",
                "alert p50",
                "alert p99");
        for (Phase p : Phase.values()) {
            List<Sent> inPhase = sent.all().stream().filter(s -> s.phase() == p).toList();
            List<Long> answered =
                    inPhase.stream().filter(Sent::answered).map(Sent::nanos).sorted().toList();
            List<Long> alertMillis = new ArrayList<>();
            for (Sent screening : inPhase) {
                if (!screening.answered() || !screening.kind().equals("screening")) {
                    continue;
                }
                Instant screened = stores.screenedAt().get(screening.id());
                Instant raised = stores.raisedAt().get(stores.screenedClient().get(screening.id()));
                if (screened != null && raised != null) {
                    alertMillis.add(Duration.between(screened, raised).toMillis());
                }
            }
            alertMillis.sort(null);
            double seconds = spans.get(p);
            System.out.printf(
                    "%-7s %7.1f %6d %11s %9.1f %9.0f %9.0f %12s %12s%n",
                    p.name().toLowerCase().replace('_', '-'),
                    seconds,
                    inPhase.size(),
                    answered.size() + " (" + (inPhase.size() - answered.size()) + " not)",
                    answered.size() / seconds,
                    percentile(answered, 50) / 1e6,
                    percentile(answered, 99) / 1e6,
                    alertMillis.isEmpty() ? "-" : percentile(alertMillis, 50) + " ms",
                    alertMillis.isEmpty() ? "-" : percentile(alertMillis, 99) + " ms");
        }
        Map<Integer, Integer> refusals = new TreeMap<>();
        for (Sent s : sent.all()) {
            if (!s.answered()) {
                refusals.merge(s.status(), 1, Integer::sum);
            }
        }
        System.out.printf(
                "not answered 2xx, by status (0 = no answer): %s; clients stored without a 2xx answer: %d%n",
                refusals, stores.registrationsByClient().size() - stores.registered().size());
        Set<String> drillEvents = new HashSet<>(stores.intakeEventIds());
        drillEvents.addAll(stores.riskEventIds());
        long twice =
                drillEvents.stream().filter(e -> stores.onTopic().getOrDefault(e, 0) > 1).count();
        System.out.printf(
                "intake's and risk's events published more than once (absorbed by the inboxes): %d of"
                        + " %d%n",
                twice, drillEvents.size());
        System.out.printf(
                "alerts: %d raised for %d screenings, %d escalations%n",
                stores.alertsByClient().values().stream().mapToInt(List::size).sum(),
                stores.screeningsByAssessment().size(),
                stores.escalationsByAlert().values().stream().mapToInt(List::size).sum());
        System.out.println();
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    // --- database and topic reads --------------------------------------------------------------

    record Row(String streamId, String type, String payload, Instant recordedAt) {}

    private List<Row> events(String service, Instant since) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = connect(service);
                PreparedStatement statement =
                        connection.prepareStatement(
                                "select stream_id, event_type, payload, recorded_at"
                                        + " from event_store where recorded_at >= ? order by position")) {
            statement.setTimestamp(1, Timestamp.from(since));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(
                            new Row(
                                    result.getString(1),
                                    result.getString(2),
                                    result.getString(3),
                                    result.getTimestamp(4).toInstant()));
                }
            }
        }
        return rows;
    }

    /**
     * The ids of the integration events a service's outbox took since then, of types like the
     * pattern.
     */
    private Set<String> published(String service, Instant since, String types) {
        return column(
                service,
                "select event_id from outbox where occurred_at >= ? and event_type like ?",
                Timestamp.from(since),
                types);
    }

    private Set<String> idsSince(String service, String type, Instant since) {
        return column(
                service,
                "select stream_id from event_store where event_type = ? and recorded_at >= ?",
                type,
                Timestamp.from(since));
    }

    private long countSince(String service, String type, Instant since) {
        return count(
                service,
                "select count(*) from event_store where event_type = ? and recorded_at >= ?",
                type,
                Timestamp.from(since));
    }

    private Set<String> clientsKnown(String consumer, Collection<String> clients) {
        return column(
                consumer,
                "select client_id from client_directory where client_id::text = any(?)",
                (Object) clients.toArray(String[]::new));
    }

    /**
     * Each client's events from intake reached the consumer in the order intake published them: the
     * inbox's positions follow the outbox's, client by client, whichever instance received them.
     */
    private void checkClientOrder(String consumer, Instant since) {
        Map<String, Long> received = new HashMap<>();
        for (String row :
                column(
                        consumer,
                        "select event_id || ' ' || position from inbox where received_at >= ?",
                        Timestamp.from(since))) {
            String[] parts = row.split(" ");
            received.put(parts[0], Long.parseLong(parts[1]));
        }
        Map<String, Long> lastByClient = new HashMap<>();
        for (String row :
                sorted(
                        column(
                                "intake",
                                "select lpad(id::text, 20, '0') || ' ' || message_key || ' ' || event_id"
                                        + " from outbox where occurred_at >= ?",
                                Timestamp.from(since)))) {
            String[] parts = row.split(" ");
            Long position = received.get(parts[2]);
            if (position == null) {
                continue;
            }
            Long last = lastByClient.put(parts[1], position);
            if (last != null && last > position) {
                violations.add(
                        consumer
                                + "-service received client "
                                + parts[1]
                                + "'s events out of order (event "
                                + parts[2]
                                + ")");
            }
        }
    }

    private static List<String> sorted(Set<String> rows) {
        return rows.stream().sorted().toList();
    }

    private Set<String> inbox(String consumer, Collection<String> events) {
        return column(
                consumer,
                "select event_id from inbox where event_id::text = any(?)",
                (Object) events.toArray(String[]::new));
    }

    /** The screenings among these that treatment-service's outcome series holds. */
    private Set<String> outcomeScores(Collection<String> assessments) {
        return column(
                "treatment",
                "select assessment_id from outcome_score where assessment_id::text = any(?)",
                (Object) assessments.toArray(String[]::new));
    }

    private long count(String service, String sql, Object... parameters) {
        return Long.parseLong(column(service, sql, parameters).iterator().next());
    }

    /** The first column of a query's rows; a String[] parameter is passed as a text array. */
    private Set<String> column(String service, String sql, Object... parameters) {
        Set<String> values = new HashSet<>();
        try (Connection connection = connect(service);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql, e);
        }
        return values;
    }

    /**
     * A connection to a service's database, which the caller closes. The drill opens one at a time:
     * the services' ten instances have most of the server's connections.
     */
    private Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(String.format(jdbc, service), "careloop", "careloop");
    }

    /** Every record on a topic, from its start to its end now: how often each event id appears. */
    private void readTopic(String topic, Map<String, Integer> seen) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    violations.add("could not read " + topic + " to its end within 60 s");
                    return;
                }
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        seen.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
        }
    }

    private void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                violations.add(
                        "gave up waiting for " + what + " after " + SETTLE.toSeconds() + " s");
                return;
            }
            Thread.sleep(500);
        }
    }

    /** The requests sent so far, from every visiting thread. */
    static final class Queue {
        private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();

        void add(Sent request) {
            sent.add(request);
        }

        List<Sent> all() {
            return List.copyOf(sent);
        }

        List<Sent> of(String kind) {
            return sent.stream().filter(s -> s.kind().equals(kind)).toList();
        }
    }
}
