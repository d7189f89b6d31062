package org.careloop.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.careloop.platform.testing.Tokens;

/**
 * The running test stack: its gateway, its parts' lifecycles and (for fault tests) its databases.
 */
final class Stack {

    static final String GATEWAY =
            System.getenv().getOrDefault("CARELOOP_GATEWAY_URL", "http://localhost:18080");
    static final List<String> SERVICES =
            List.of("intake", "treatment", "risk", "referral", "billing");

    /**
     * Each risk-service instance's own address, not through the gateway (the test stack runs two);
     * the API is under {@code /api/risk} on each, as through the gateway.
     */
    static final List<String> RISK_URLS =
            List.of(
                    System.getenv()
                            .getOrDefault(
                                    "CARELOOP_RISK_URLS",
                                    "http://127.0.0.1:18083,http://127.0.0.1:18086")
                            .split(","));

    /** The ./care parts of the risk instances, in the order of {@link #RISK_URLS}. */
    static final List<String> RISK_PARTS =
            List.of("risk-service", "risk-service-2").subList(0, RISK_URLS.size());

    /**
     * A demo user allowed to read clients in each service: in intake and billing, a role that
     * reaches every client; elsewhere a clinician, who reads only the clients of their care team
     * ({@link #careFor}).
     */
    static final Map<String, String> CLIENT_READER =
            Map.of(
                    "intake",
                    "intake1",
                    "treatment",
                    "clinician1",
                    "risk",
                    "clinician1",
                    "referral",
                    "clinician1",
                    "billing",
                    "billing1");

    /** Whether the service's reader reaches every client (else only those they care for). */
    static boolean readsEveryClient(String service) {
        return service.equals("intake") || service.equals("billing");
    }

    private Stack() {}

    static RequestSpecification as(String username) {
        return given().baseUri(GATEWAY).auth().oauth2(Tokens.of(username));
    }

    static RequestSpecification anonymous() {
        return given().baseUri(GATEWAY);
    }

    /**
     * A request straight to one risk instance (0 or 1, as in {@link #RISK_URLS}), by-passing the
     * gateway: e.g. {@code onRisk(1, "oncall1").get("/api/risk/alerts")}.
     */
    static RequestSpecification onRisk(int instance, String username) {
        return given().baseUri(RISK_URLS.get(instance)).auth().oauth2(Tokens.of(username));
    }

    /** The alert stream of one risk instance, by-passing the gateway (for an SSE listener). */
    static String riskStream(int instance) {
        return RISK_URLS.get(instance) + "/api/risk/alerts/stream";
    }

    /** Kills a part of the test stack (SIGKILL), e.g. {@code risk-service-2}. */
    static void kill(String part) {
        care("kill", part);
    }

    /** Stops a part of the test stack gracefully (SIGTERM). */
    static void stop(String part) {
        care("stop", part);
    }

    /** Starts a part of the test stack and waits until it is healthy. */
    static void start(String part) {
        care("start", part);
    }

    /**
     * Runs {@code ./care <args>} against the test stack, e.g. {@code kill treatment-service};
     * returns its output.
     */
    static String care(String... args) {
        String care = System.getenv("CARELOOP_CARE");
        if (care == null) {
            throw new IllegalStateException(
                    "CARELOOP_CARE must name the ./care script (./care test sets it)");
        }
        List<String> command = new ArrayList<>(List.of(care));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CARE_STACK", "test");
        try {
            Process process = builder.start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "./care " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes a service's own database to new connections and cuts the ones it has (an outage of
     * that database alone), or opens it again.
     */
    static void databaseReachable(String service, boolean reachable) {
        String database = "careloop_systest_" + service;
        try (Connection db =
                        DriverManager.getConnection(
                                "jdbc:postgresql://127.0.0.1:5432/postgres",
                                "careloop",
                                "careloop");
                Statement statement = db.createStatement()) {
            statement.execute("alter database " + database + " allow_connections " + reachable);
            if (!reachable) {
                statement.execute(
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                                + database
                                + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String service, String sql) {
        String url = "jdbc:postgresql://127.0.0.1:5432/careloop_systest_" + service;
        try (Connection db = DriverManager.getConnection(url, "careloop", "careloop");
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query on a service's database, or null. */
    static String value(String service, String sql) {
        String url = "jdbc:postgresql://127.0.0.1:5432/careloop_systest_" + service;
        try (Connection db = DriverManager.getConnection(url, "careloop", "careloop");
                Statement statement = db.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until intake's registration of the client has reached the service. */
    static void awaitClient(String service, String clientId, Duration within) {
        String table = service.equals("intake") ? "client_registry" : "client_directory";
        await().atMost(within)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () ->
                                count(
                                                service,
                                                "select count(*) from "
                                                        + table
                                                        + " where client_id = '"
                                                        + UUID.fromString(clientId)
                                                        + "'")
                                        == 1);
    }

    /**
     * Puts the clinician on the client's care team as PRIMARY (a supervisor assigns), and waits
     * until every service where clinicians read clients lets them read this one.
     */
    static void careFor(String clinician, String clientId) {
        TreatmentFlowTest.staff();
        as("supervisor1")
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"clinician\":\"" + clinician + "\",\"role\":\"PRIMARY\"}")
                .when()
                .post("/api/treatment/clients/" + clientId + "/care-team")
                .then()
                .statusCode(200);
        for (String service : List.of("intake", "treatment", "risk", "referral")) {
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(
                            () ->
                                    as(clinician)
                                            .when()
                                            .get("/api/" + service + "/clients/" + clientId)
                                            .then()
                                            .statusCode(
                                                    org.hamcrest.Matchers.not(
                                                            org.hamcrest.Matchers.is(403))));
        }
    }
}
