package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One door, and nothing on it that leaks: what the gateway and the services refuse, hide and never
 * write down.
 */
class GatewaySecurityTest {

    static final String UNKNOWN_CLIENT = "/api/intake/clients/" + UUID.randomUUID();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/intake/q/metrics/..%2f..%2fclients,                 400",
        "/api/intake/q/metrics/%2e%2e/%2e%2e/clients,             400",
        "/api/intake/q/metrics/%2E%2E%2F%2E%2E%2Fclients,         400",
        "/api/intake/clients/..%2f..%2fq%2fmetrics,               400",
        "/api/intake/clients/../q/metrics,                        400",
        "/api/intake/q/metrics/./../../clients,                   400",
        "/api/intake//q/metrics,                                  400",
        "//api/intake/q/metrics,                                  400",
        "/api/intake/q;/metrics,                                  400",
        "/api/intake/q/metrics%5c..%5c..%5cclients,               400",
        "/api/intake/q/metrics,                                   403",
        "/api/intake/q/metrics/,                                  403",
        "/api/risk/q/%6detrics,                                   403",
        "/api/billing/%71/metrics,                                403",
        "/api/intake/q/dev,                                       403",
        "/api/treatment/q/dev-ui,                                 403",
        "/api/referral/q/health-ui,                               403",
        "/api/referral/q/info,                                    403",
        "/api/risk/q,                                             403"
    })
    void aPathThatCouldReachAnOperatorEndpointIsRefusedAsAProblem(String path, int status) {
        RawHttp.Reply reply = RawHttp.get(path);

        assertEquals(status, reply.status(), path);
        assertThat(reply.header("Content-Type"), startsWith("application/problem+json"));
        assertThat(reply.body(), containsString("\"status\":" + status));
        assertThat(reply.body(), not(containsString("# HELP")));
    }

    @ParameterizedTest
    @CsvSource({
        "/api/intake/q/openapi",
        "/api/treatment/q/health",
        "/api/risk/q/health/ready",
        "/api/referral/q/health/live",
        "/api/billing/q/health/started"
    })
    void aServicesApiDocumentAndHealthAreServedThroughTheGateway(String path) {
        assertEquals(200, RawHttp.get(path).status(), path);
    }

    @Test
    void aTokenIssuedToAnotherClientOfTheRealmIs401() {
        String other =
                Keycloak.passwordGrant("careloop-other", "intake1", null)
                        .get("access_token")
                        .asText();

        Stack.anonymous()
                .auth()
                .oauth2(other)
                .when()
                .get(UNKNOWN_CLIENT)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void anIdTokenIs401WhileTheAccessTokenOfTheSameLoginGetsThrough() {
        var login = Keycloak.passwordGrant("careloop-cli", "intake1", "openid");
        assertNotNull(login.get("id_token"), "Keycloak issued no ID token");

        Stack.anonymous()
                .auth()
                .oauth2(login.get("id_token").asText())
                .when()
                .get(UNKNOWN_CLIENT)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        Stack.anonymous()
                .auth()
                .oauth2(login.get("access_token").asText())
                .when()
                .get(UNKNOWN_CLIENT)
                .then()
                .statusCode(404);
    }

    @Test
    void aBurstPastOneTokensLimitIs429WithRetryAfterWhileAnotherTokenGetsThrough()
            throws Exception {
        // A token of its own: the one the other tests share is never limited by this burst.
        String token =
                Keycloak.passwordGrant("careloop-cli", "billing1", null)
                        .get("access_token")
                        .asText();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        Stack.GATEWAY
                                                + "/api/billing/clients/"
                                                + UUID.randomUUID()))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build();
        // The limit lets 100 through at once and 50 a second after; at most 600 requests, whatever
        // the machine's pace.
        int limit = 600;
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<HttpResponse<String>> refused = new AtomicReference<>();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                done.add(
                        senders.submit(
                                () -> {
                                    while (refused.get() == null
                                            && sent.incrementAndGet() <= limit) {
                                        HttpResponse<String> response =
                                                http.send(
                                                        request,
                                                        HttpResponse.BodyHandlers.ofString());
                                        if (response.statusCode() == 429) {
                                            refused.compareAndSet(null, response);
                                        } else {
                                            assertEquals(
                                                    404, response.statusCode(), response.body());
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<?> sender : done) {
                sender.get(2, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }

        HttpResponse<String> tooMany = refused.get();
        assertNotNull(tooMany, "no 429 within " + limit + " requests of one token");
        assertThat(
                tooMany.headers().firstValue("Content-Type").orElse(""),
                startsWith("application/problem+json"));
        assertThat(tooMany.body(), containsString("urn:careloop:problem:rate-limited"));
        assertThat(
                Integer.parseInt(tooMany.headers().firstValue("Retry-After").orElse("0")),
                greaterThan(0));
        Stack.as("billing1")
                .when()
                .get("/api/billing/clients/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void everyResponseThroughTheGatewayCarriesTheSecurityHeadersOnce() {
        List<Response> responses =
                List.of(
                        Stack.anonymous().when().get("/api/intake/q/openapi"),
                        Stack.anonymous().when().get(UNKNOWN_CLIENT),
                        Stack.as("intake1").when().get("/api/intake/clients?search=nobody"),
                        Stack.as("billing1")
                                .when()
                                .get("/api/billing/clients/" + UUID.randomUUID()),
                        Stack.anonymous().when().get("/api/nowhere"),
                        Stack.anonymous().when().get("/api/intake/q/metrics"));
        for (Response response : responses) {
            assertEquals(List.of("no-store"), values(response, "Cache-Control"));
            assertEquals(List.of("nosniff"), values(response, "X-Content-Type-Options"));
            assertEquals(
                    List.of("default-src 'none'; frame-ancestors 'none'"),
                    values(response, "Content-Security-Policy"));
            assertEquals(List.of("DENY"), values(response, "X-Frame-Options"));
            assertEquals(List.of("no-referrer"), values(response, "Referrer-Policy"));
        }
    }

    @Test
    void theLocationOfANewClientIsTheGatewaysUrlWhateverHostTheRequestNamed() {
        RawHttp.Reply created =
                RawHttp.send(
                        "POST",
                        "/api/intake/clients",
                        Map.of(
                                "Host", "evil.example",
                                "X-Forwarded-Host", "evil.example",
                                "Forwarded", "host=evil.example;proto=https",
                                "Authorization", "Bearer " + Tokens.of("intake1"),
                                "Content-Type", "application/json"),
                        "{\"firstName\":\"Hedy\",\"lastName\":\"Lamarr\",\"dateOfBirth\":\"1984-11-09\"}");

        assertEquals(201, created.status(), created.body());
        assertThat(
                created.header("Location"),
                matchesPattern(
                        Pattern.quote(Stack.GATEWAY + "/api/intake/clients/") + "[0-9a-f-]{36}"));
    }

    @Test
    void theAccessLogKeepsNeitherTheQueryStringNorTheToken() throws IOException {
        Path log =
                Path.of(
                        System.getenv()
                                .getOrDefault(
                                        "CARELOOP_GATEWAY_ACCESS_LOG",
                                        "../.care/test/logs/gateway-access.log"));
        String searched = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        String requestId = "log-check-" + UUID.randomUUID();
        String token = Tokens.of("intake1");

        Stack.as("intake1")
                .header("X-Request-Id", requestId)
                .queryParam("search", searched)
                .when()
                .get("/api/intake/clients")
                .then()
                .statusCode(200);

        String line =
                await().atMost(Duration.ofSeconds(5))
                        .pollInterval(Duration.ofMillis(50))
                        .until(
                                () ->
                                        Files.readAllLines(log).stream()
                                                .filter(l -> l.contains("rid=" + requestId))
                                                .findFirst()
                                                .orElse(null),
                                l -> l != null);
        assertThat(line, containsString("\"GET /api/intake/clients HTTP/1.1\" 200"));
        assertFalse(line.contains("?"), line);
        String whole = Files.readString(log);
        assertFalse(whole.contains(searched), "the search term is in the access log");
        assertFalse(
                whole.contains(token.substring(token.lastIndexOf('.') + 1)),
                "a token is in the access log");
    }

    @Test
    void everyPartOfTheStackListensOnLoopbackOnly() throws IOException {
        List<Integer> ports =
                Arrays.stream(
                                System.getenv()
                                        .getOrDefault(
                                                "CARELOOP_LISTEN_PORTS",
                                                "18080 18081 18082 18083 18084 18085 18180 19092 19093")
                                        .trim()
                                        .split("\\s+"))
                        .map(Integer::parseInt)
                        .toList();
        List<ListeningSocket> listening = ListeningSocket.all();

        for (int port : ports) {
            List<ListeningSocket> onPort =
                    listening.stream().filter(s -> s.port() == port).toList();
            assertThat("nothing listens on port " + port, onPort, not(hasSize(0)));
            for (ListeningSocket socket : onPort) {
                assertTrue(socket.loopback(), "port " + port + " listens on " + socket.address());
            }
        }
    }

    private static List<String> values(Response response, String header) {
        return response.headers().getValues(header);
    }

    /**
     * A listening TCP socket of this machine, as the kernel lists it in /proc/net/tcp and
     * /proc/net/tcp6.
     */
    record ListeningSocket(String address, int port) {

        private static final String LISTEN = "0A";

        static List<ListeningSocket> all() throws IOException {
            List<ListeningSocket> sockets = new ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                Path file = Path.of(table);
                if (!Files.exists(file)) {
                    continue;
                }
                List<String> rows = Files.readAllLines(file);
                for (String row : rows.subList(1, rows.size())) {
                    String[] fields = row.trim().split("\\s+");
                    if (fields[3].equals(LISTEN)) {
                        String[] local = fields[1].split(":");
                        sockets.add(new ListeningSocket(local[0], Integer.parseInt(local[1], 16)));
                    }
                }
            }
            return sockets;
        }

        /**
         * 127.0.0.0/8 (IPv4, or IPv4-mapped IPv6) or ::1; the kernel writes each 32-bit word in
         * host order.
         */
        boolean loopback() {
            if (address.length() == 8) {
                return address.endsWith("7F");
            }
            return address.equals("00000000000000000000000001000000")
                    || (address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F"));
        }
    }
}
