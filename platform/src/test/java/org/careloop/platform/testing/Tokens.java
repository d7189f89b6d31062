package org.careloop.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens for the demo users, from the real Keycloak of the test stack. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {}

    /** A bearer token for a demo user (password {@code demo}), cached for the test run. */
    public static String of(String username) {
        return CACHE.computeIfAbsent(username, Tokens::fetch);
    }

    /** The test stack's Keycloak, which the services under test trust. */
    public static String keycloakUrl() {
        return System.getenv().getOrDefault("CARELOOP_KEYCLOAK_URL", "http://localhost:18180");
    }

    private static String fetch(String username) {
        String form =
                "grant_type=password&client_id=careloop-cli&username="
                        + encode(username)
                        + "&password=demo";
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        keycloakUrl()
                                                + "/realms/careloop/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Keycloak refused a token for " + username + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
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
}
