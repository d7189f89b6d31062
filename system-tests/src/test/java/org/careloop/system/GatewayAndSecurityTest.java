package org.careloop.system;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every service behind the gateway: its API document, and its endpoints closed to the wrong people.
 */
class GatewayAndSecurityTest {

    static final java.util.List<String> SERVICES = Stack.SERVICES;

    /** A demo user whose roles do not include reading clients in that service. */
    static final Map<String, String> OUTSIDER =
            Map.of(
                    "intake",
                    "billing1",
                    "treatment",
                    "billing1",
                    "risk",
                    "billing1",
                    "referral",
                    "billing1",
                    "billing",
                    "clinician1");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyServiceServesItsOpenApiDocumentThroughTheGateway(String service) {
        Stack.anonymous()
                .when()
                .get("/api/" + service + "/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("CareLoop " + service + "-service"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyServicesOpenApiDocumentNamesTheGatewayPrefixAsItsServerAndAnIdForEveryOperation(
            String service) {
        Stack.anonymous()
                .when()
                .get("/api/" + service + "/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("servers.url", contains("/api/" + service))
                .body("paths.keySet().findAll { it.startsWith('/api/') }", empty())
                .body(
                        "paths.collectMany { path, operations -> operations.values().findAll { it instanceof Map } }"
                                + ".findAll { it.operationId == null }",
                        empty())
                .body("tags.findAll { it.description == null }.name", empty());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void aProtectedEndpointIs401WithoutToken403ForAnotherRoleAndOpenToItsRole(String service) {
        String path = "/api/" + service + "/clients/" + UUID.randomUUID();
        Stack.anonymous()
                .when()
                .get(path)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        Stack.as(OUTSIDER.get(service))
                .when()
                .get(path)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        // An unknown client is 404 to a role that reaches every client: it got past authentication
        // and authorisation. To a clinician it is refused like any client they have no relation to,
        // so a refusal never tells whether a client exists.
        if (Stack.readsEveryClient(service)) {
            Stack.as(Stack.CLIENT_READER.get(service))
                    .when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        } else {
            Stack.as(Stack.CLIENT_READER.get(service))
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:careloop:problem:no-care-relationship"));
        }
    }

    @Test
    void theGatewayPassesARequestIdAndAnswersUnknownRoutesWithAProblem() {
        Stack.anonymous()
                .when()
                .get("/api/intake/q/openapi")
                .then()
                .statusCode(200)
                .header("X-Request-Id", not(emptyOrNullString()));
        Stack.anonymous()
                .header("X-Request-Id", "trace-me-42")
                .when()
                .get("/api/intake/clients/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .header("X-Request-Id", equalTo("trace-me-42"))
                .body("requestId", equalTo("trace-me-42"));
        Stack.anonymous()
                .when()
                .get("/api/nowhere/clients")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        Stack.anonymous().when().get("/api/intake/q/metrics").then().statusCode(403);
    }
}
