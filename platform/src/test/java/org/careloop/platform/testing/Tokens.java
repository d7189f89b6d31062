package org.careloop.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens for the demo users, from the real Keycloak of the test stack. */
public final class Tokens {

    /**
     * A cached token is handed out only while it has at least this long to live: access tokens live
     * five minutes, a test run nine, and a test may hold a token through a wait.
     */
    static final Duration LEAST_REMAINING = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /**
     * A bearer token for a demo user (password {@code demo}), cached until it has less than a
     * minute to live, then fetched again; {@code partner:<partnerId>} is a demo partner's token.
     */
    public static String of(String username) {
        if (username.startsWith("partner:")) {
            return partner(username.substring("partner:".length()));
        }
        return CACHE.compute(
                        username,
                        (user, cached) ->
                                cached != null && cached.fresh(Instant.now())
                                        ? cached
                                        : fetch(user))
                .accessToken();
    }

    /**
     * A bearer token for a demo partner organization ({@code demo-psychiatry}, {@code
     * demo-housing}): its Keycloak client's own client-credentials grant, secret {@code demo}.
     */
    public static String partner(String partnerId) {
        return CACHE.compute(
                        "partner:" + partnerId,
                        (key, cached) ->
                                cached != null && cached.fresh(Instant.now())
                                        ? cached
                                        : fetch(
                                                key,
                                                "grant_type=client_credentials&client_id=partner-"
                                                        + encode(partnerId)
                                                        + "&client_secret=demo"))
                .accessToken();
    }

    /** The test stack's Keycloak, which the services under test trust. */
    public static String keycloakUrl() {
        return System.getenv().getOrDefault("CARELOOP_KEYCLOAK_URL", "http://localhost:18180");
    }

    private static Token fetch(String username) {
        return fetch(
                username,
                "grant_type=password&client_id=careloop-cli&username="
                        + encode(username)
                        + "&password=demo");
    }

    private static Token fetch(String username, String form) {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        keycloakUrl()
                                                + "/realms/careloop/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
        Instant asked = Instant.now();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Keycloak refused a token for " + username + ": " + response.body());
            }
            JsonNode body = new ObjectMapper().readTree(response.body());
            // Counted from before the request, so the token is never thought to live longer than
            // it does.
            return new Token(
                    body.get("access_token").asText(),
                    asked.plusSeconds(body.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + keycloakUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An access token and when Keycloak said it expires. */
    record Token(String accessToken, Instant expiresAt) {

        boolean fresh(Instant now) {
            return now.plus(LEAST_REMAINING).isBefore(expiresAt);
        }
    }
}
