package org.careloop.billing.pas;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * A payer on a loopback port: answers {@code Claim/$submit} and {@code Claim/$inquire} from a
 * script (pended once the script runs out) and records every call it receives.
 */
final class PayerStandIn implements AutoCloseable {

    static final String SUBMIT = "Claim/$submit";
    static final String INQUIRE = "Claim/$inquire";

    /**
     * One scripted answer: a status and body, sent after {@code delay}, with {@code stall} between
     * the first half of the body and the rest.
     */
    record Answer(int status, String body, Duration delay, Duration stall) {

        Answer(int status, String body, Duration delay) {
            this(status, body, delay, Duration.ZERO);
        }

        static Answer approved(
                String authorizationNumber, String cpt, int units, LocalDate start, LocalDate end) {
            return ok(ClaimResponses.approved(authorizationNumber, cpt, units, start, end).json());
        }

        static Answer partiallyApproved(
                String authorizationNumber,
                String cpt,
                int units,
                LocalDate start,
                LocalDate end,
                String reason) {
            return ok(
                    ClaimResponses.partiallyApproved(
                                    authorizationNumber, cpt, units, start, end, reason)
                            .json());
        }

        static Answer pended(String reason) {
            return ok(ClaimResponses.pended(reason).json());
        }

        static Answer denied(String reason) {
            return ok(ClaimResponses.denied(reason).json());
        }

        /** Pended, but only after {@code delay}. */
        static Answer slow(Duration delay) {
            return new Answer(200, ClaimResponses.pended("slow review").json(), delay);
        }

        /** Pended, its headers and half its body at once, the rest after {@code stall}. */
        static Answer stalled(Duration stall) {
            return new Answer(200, ClaimResponses.pended("stalled").json(), Duration.ZERO, stall);
        }

        /** An error status with an OperationOutcome saying so. */
        static Answer broken(int status) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics("the stand-in was told to answer " + status);
            return new Answer(
                    status, Fhir.R4.newJsonParser().encodeResourceToString(outcome), Duration.ZERO);
        }

        /** A success whose body is no FHIR at all. */
        static Answer garbage() {
            return ok("<html>this is not a ClaimResponse</html>");
        }

        static Answer ok(String body) {
            return new Answer(200, body, Duration.ZERO);
        }
    }

    /** A call as the stand-in received it. */
    record Call(String operation, String contentType, String authorization, String body) {

        Bundle bundle() {
            return Fhir.R4.newJsonParser().parseResource(Bundle.class, body);
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Queue<Answer>> scripts =
            Map.of(SUBMIT, new ConcurrentLinkedQueue<>(), INQUIRE, new ConcurrentLinkedQueue<>());
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean down;

    PayerStandIn() throws IOException {
        // 127.0.0.1 by its bytes: nothing here resolves a name or listens beyond this machine.
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        server.createContext("/fhir/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    void answerSubmit(Answer... answers) {
        scripts.get(SUBMIT).addAll(List.of(answers));
    }

    void answerInquire(Answer... answers) {
        scripts.get(INQUIRE).addAll(List.of(answers));
    }

    /** Answers every call 503 until {@link #up()}. */
    void down() {
        down = true;
    }

    void up() {
        down = false;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            handlers.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String operation =
                    path.endsWith("/" + SUBMIT)
                            ? SUBMIT
                            : path.endsWith("/" + INQUIRE) ? INQUIRE : null;
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (operation == null || !exchange.getRequestMethod().equals("POST")) {
                send(exchange, Answer.broken(404));
                return;
            }
            calls.add(
                    new Call(
                            operation,
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            body));
            if (down) {
                send(exchange, Answer.broken(503));
                return;
            }
            Answer answer = scripts.get(operation).poll();
            send(exchange, answer != null ? answer : Answer.pended("queued for clinical review"));
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        pause(answer.delay());
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", PayerExchange.FHIR_JSON);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (answer.stall().isZero()) {
                out.write(bytes);
                return;
            }
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            pause(answer.stall());
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        }
    }

    private static void pause(Duration pause) throws IOException {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the stand-in is closing", e);
        }
    }
}
