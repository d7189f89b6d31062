package org.careloop.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.careloop.platform.testing.Tokens;

/**
 * Fresh token responses from the test stack's Keycloak, for any client of the realm (never cached).
 */
final class Keycloak {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Keycloak() {}

    /**
     * A password grant of a demo user (password {@code demo}) through a public client, with an
     * optional scope.
     */
    static JsonNode passwordGrant(String clientId, String username, String scope) {
        String form =
                "grant_type=password&client_id="
                        + encode(clientId)
                        + "&username="
                        + encode(username)
                        + "&password=demo"
                        + (scope == null ? "" : "&scope=" + encode(scope));
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        Tokens.keycloakUrl()
                                                + "/realms/careloop/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "Keycloak refused a token for "
                                + username
                                + " through "
                                + clientId
                                + ": "
                                + response.body());
            }
            return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Keycloak is not reachable at " + Tokens.keycloakUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
