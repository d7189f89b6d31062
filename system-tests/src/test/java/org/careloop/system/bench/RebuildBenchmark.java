package org.careloop.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.testing.Tokens;

/**
 * How fast intake's client registry is rebuilt from its event store, beside a raw read of the same
 * rows in the same run. Tops the store up with copies of a registered client under new ids (marked
 * actor {@code bench}), so the figure is taken over enough events; those copies stay in the local
 * stack, as the alert benchmark's clients do.
 */
public final class RebuildBenchmark {

    private RebuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String jdbcUrl = args[1];
        int events = Integer.parseInt(args[2]);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "careloop", "careloop");
                Statement sql = db.createStatement()) {
            long present =
                    count(sql, "select count(*) from event_store where stream_type = 'client'");
            if (present == 0) {
                throw new IllegalStateException(
                        "register a client first: there is nothing to copy");
            }
            if (present < events) {
                sql.executeUpdate(
                        """
                        insert into event_store (stream_type, stream_id, version, event_id, event_type, payload,
                                                 actor, recorded_at)
                        select 'client', n.id::text, 1, gen_random_uuid(), e.event_type,
                               jsonb_set(e.payload::jsonb, '{clientId}', to_jsonb(n.id::text))::text, 'bench', now()
                        from (select gen_random_uuid() as id from generate_series(1, %d)) n
                        cross join (select event_type, payload from event_store
                                    where stream_type = 'client' order by position limit 1) e"""
                                .formatted(events - present));
            }
            long total =
                    count(sql, "select count(*) from event_store where stream_type = 'client'");

            long readStart = System.nanoTime();
            long bytes = 0;
            try (ResultSet rows =
                    sql.executeQuery(
                            "select payload from event_store where stream_type = 'client' order by position")) {
                while (rows.next()) {
                    bytes += rows.getString(1).length();
                }
            }
            double readMillis = (System.nanoTime() - readStart) / 1e6;

            String token = Tokens.of("admin1");
            HttpRequest rebuild =
                    HttpRequest.newBuilder(
                                    URI.create(
                                            gateway
                                                    + "/api/intake/admin/projections/clients/rebuild"))
                            .header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build();
            long rebuildStart = System.nanoTime();
            HttpResponse<String> answer =
                    HttpClient.newHttpClient().send(rebuild, HttpResponse.BodyHandlers.ofString());
            double rebuildMillis = (System.nanoTime() - rebuildStart) / 1e6;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "rebuild answered " + answer.statusCode() + ": " + answer.body());
            }
            long processed =
                    EventJson.mapper().readTree(answer.body()).get("eventsProcessed").asLong();

            double readRate = total / (readMillis / 1000);
            double rebuildRate = processed / (rebuildMillis / 1000);
            System.out.printf(
                    "  events: %d client events (%d KB of payload)%n", total, bytes / 1024);
            System.out.printf(
                    "  raw read of the same rows:  %8.0f events/s (%.0f ms)%n",
                    readRate, readMillis);
            System.out.printf(
                    "  rebuild of the registry:    %8.0f events/s (%.0f ms, through the gateway)%n",
                    rebuildRate, rebuildMillis);
            System.out.printf("  rebuild / raw read:         %8.2f%n", rebuildRate / readRate);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
