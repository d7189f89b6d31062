package org.careloop.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.testing.Tokens;

/**
 * What the audit trail costs a request: an audited read through the gateway (a client's record at
 * intake, which writes its audit record before it is handled), beside the audit write alone (the
 * same insert, committed on its own, into a scratch copy of the table on the same database), in the
 * same run. The ratio is the share of a read's time spent writing its audit record. Reads are paced
 * at 40 a second, below the gateway's rate limit per token.
 */
public final class AuditOverheadBenchmark {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private AuditOverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String jdbcUrl = args[1];
        int count = Integer.parseInt(args[2]);
        String token = Tokens.of("intake1");
        HttpResponse<String> created =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(gateway + "/api/intake/clients"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"firstName\":\"Audit\",\"lastName\":\"Bench\",\"dateOfBirth\":\"1980-01-01\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("could not register a client: " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        URI read =
                URI.create(
                        gateway
                                + "/api/intake/clients/"
                                + location.substring(location.lastIndexOf('/') + 1));

        // Paced below the gateway's per-token rate limit (50 a second).
        List<Double> requests = new ArrayList<>();
        long paceNanos = 25_000_000L;
        long first = System.nanoTime();
        for (int i = 0; i < count + count / 5; i++) {
            long due = first + i * paceNanos;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            long start = System.nanoTime();
            HttpResponse<String> answer =
                    HTTP.send(
                            HttpRequest.newBuilder(read)
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("read failed: " + answer.statusCode());
            }
            if (i >= count / 5) {
                requests.add(millis);
            }
        }

        List<Double> inserts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "careloop", "careloop")) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("drop table if exists bench_audit_record");
                ddl.execute(
                        "create table bench_audit_record (like audit_record including defaults including identity"
                                + " including indexes)");
            }
            try (PreparedStatement insert =
                    db.prepareStatement(
                            "insert into bench_audit_record (recorded_at, service, request_id, username, roles,"
                                    + " client_id, action, method, route, path, outcome, basis, purpose)"
                                    + " values (?, 'intake-service', ?, 'intake1', 'intake', ?, 'READ', 'GET',"
                                    + " '/clients/{clientId}', ?, 'ALLOWED', 'ROLE', 'TREATMENT')")) {
                for (int i = 0; i < count + count / 5; i++) {
                    UUID client = UUID.randomUUID();
                    long start = System.nanoTime();
                    insert.setTimestamp(1, Timestamp.from(Instant.now()));
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setObject(3, client);
                    insert.setString(4, "/clients/" + client);
                    insert.executeUpdate();
                    double millis = (System.nanoTime() - start) / 1e6;
                    if (i >= count / 5) {
                        inserts.add(millis);
                    }
                }
            } finally {
                try (Statement ddl = db.createStatement()) {
                    ddl.execute("drop table if exists bench_audit_record");
                }
            }
        }

        double requestP50 = percentile(requests, 50);
        double insertP50 = percentile(inserts, 50);
        System.out.printf(
                "  audited read through the gateway:  p50 %.2f ms, p99 %.2f ms (%d reads)%n",
                requestP50, percentile(requests, 99), requests.size());
        System.out.printf(
                "  the audit write alone (committed): p50 %.2f ms, p99 %.2f ms (%d inserts)%n",
                insertP50, percentile(inserts, 99), inserts.size());
        System.out.printf(
                "  the audit write is %.0f%% of an audited read's median time%n",
                100 * insertP50 / requestP50);
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
