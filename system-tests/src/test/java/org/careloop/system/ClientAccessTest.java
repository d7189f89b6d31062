package org.careloop.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Object-level access in every service, found by walking each service's OpenAPI document: every
 * route that names a client (by its id, or by the id of a plan, session or alert of theirs) refuses
 * a clinician with no relation to the client, lets in the clinicians who care for them, and lets in
 * the unrelated clinician once they break the glass, which the audit trail records as emergency
 * access. A new route is covered as soon as it is documented.
 */
class ClientAccessTest {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** The path parameters that name one client's data, and what the test fills them with. */
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    /** Who may call what, by realm role; the first of these the route's roles allow is used. */
    private static final List<String> RELATED = List.of("clinician1", "supervisor1", "oncall1");

    private static final Map<String, Set<String>> REALM_ROLES =
            Map.of(
                    "clinician1", Set.of("clinician"),
                    "clinician2", Set.of("clinician"),
                    "supervisor1", Set.of("supervisor", "clinician"),
                    "oncall1", Set.of("oncall", "clinician"));

    private static String clientId;

    /**
     * A client with a care team (clinician1 PRIMARY, associate1 under supervisor1's supervision), a
     * plan, a session and a crisis alert; clinician2 has no relation to them.
     */
    @BeforeAll
    static void aClientWithACareTeamAPlanASessionAndAnAlert() {
        clientId = TreatmentFlowTest.client("Guarded");
        for (String service : Stack.SERVICES) {
            Stack.awaitClient(service, clientId, Duration.ofSeconds(60));
        }
        Stack.careFor("clinician1", clientId);
        TreatmentFlowTest.as("supervisor1")
                .body("{\"clinician\":\"associate1\",\"role\":\"ASSOCIATE\"}")
                .when()
                .post("/api/treatment/clients/" + clientId + "/care-team")
                .then()
                .statusCode(200);
        String plan =
                TreatmentFlowTest.as("clinician1")
                        .body(TreatmentFlowTest.plan("clinician1"))
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/plans")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("planId");
        String session =
                TreatmentFlowTest.as("clinician1")
                        .body(TreatmentFlowTest.inPersonSession())
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/sessions")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("sessionId");
        TreatmentFlowTest.phq9(clientId, "[1,1,1,1,1,1,1,1,2]");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                Stack.value(
                                                "risk",
                                                "select alert_id from alert_board where client_id = '"
                                                        + clientId
                                                        + "'")
                                        != null);
        String alert =
                Stack.value(
                        "risk",
                        "select alert_id from alert_board where client_id = '" + clientId + "'");
        IDS.put("clientId", clientId);
        IDS.put("planId", plan);
        IDS.put("sessionId", session);
        IDS.put("alertId", alert);
    }

    @Test
    void everyRouteNamingAClientRefusesTheUnrelatedAdmitsTheCareTeamAndAuditsEmergencyAccess() {
        List<Route> routes = new ArrayList<>();
        for (String service : Stack.SERVICES) {
            routes.addAll(routes(service));
        }
        assertTrue(routes.size() >= 20, "too few client routes found: " + routes);

        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            Response unrelated = route.call("clinician2");
            boolean roleAllows = route.roles().contains("clinician");
            if (roleAllows ? !refusedForNoRelation(unrelated) : unrelated.statusCode() != 403) {
                failures.add(route + " as clinician2 (no relation): " + unrelated.statusCode());
            }
            String related = route.relatedUser();
            if (related != null) {
                Response answer = route.call(related);
                // A route's own rule may still say no (only the alert's addressee acknowledges it);
                // what must not happen is a refusal for want of a relation.
                if (answer.statusCode() == 401 || refusedForNoRelation(answer)) {
                    failures.add(route + " as " + related + " (care team): " + answer.statusCode());
                }
            }
        }
        assertEquals(List.of(), failures);

        JsonPath grant =
                TreatmentFlowTest.as("clinician2")
                        .body(
                                "{\"reason\":\"Client at the front desk in crisis; PRIMARY unreachable\"}")
                        .when()
                        .post("/api/treatment/clients/" + clientId + "/emergency-access")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath();
        assertNotNull(grant.getString("expiresAt"));

        // The grant reaches every service through access.events.
        List<Route> clinicianRoutes =
                routes.stream().filter(route -> route.roles().contains("clinician")).toList();
        assertFalse(clinicianRoutes.isEmpty());
        for (Route route : clinicianRoutes) {
            await(route + " as clinician2 after emergency access")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !refusedForNoRelation(route.call("clinician2")));
        }
        for (String service : Stack.SERVICES) {
            List<Map<String, Object>> trail =
                    Stack.as("privacy1")
                            .queryParam("clientId", clientId)
                            .queryParam("user", "clinician2")
                            .when()
                            .get("/api/" + service + "/audit")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("");
            List<Object> outcomes = trail.stream().map(r -> r.get("outcome")).toList();
            assertTrue(outcomes.contains("REFUSED"), service + ": " + outcomes);
            if (clinicianRoutes.stream().anyMatch(r -> r.service().equals(service))) {
                assertTrue(outcomes.contains("EMERGENCY"), service + ": " + outcomes);
                assertTrue(
                        trail.stream()
                                .filter(r -> "EMERGENCY".equals(r.get("outcome")))
                                .allMatch(r -> "EMERGENCY_TREATMENT".equals(r.get("purpose"))),
                        service + ": " + trail);
            }
        }

        // Supervisors review it afterwards.
        String grantId = grant.getString("grantId");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                Stack.as("supervisor1")
                                        .queryParam("reviewed", "false")
                                        .when()
                                        .get("/api/treatment/emergency-access")
                                        .then()
                                        .statusCode(200)
                                        .extract()
                                        .jsonPath()
                                        .getList("grantId")
                                        .contains(grantId));
        TreatmentFlowTest.as("supervisor1")
                .body(
                        "{\"finding\":\"JUSTIFIED\",\"note\":\"Walk-in crisis, handed back to PRIMARY\"}")
                .when()
                .post("/api/treatment/emergency-access/" + grantId + "/review")
                .then()
                .statusCode(200);
        assertFalse(
                Stack.as("supervisor1")
                        .queryParam("reviewed", "false")
                        .when()
                        .get("/api/treatment/emergency-access")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("grantId")
                        .contains(grantId));
    }

    @Test
    void listsAndSearchesShowAClinicianOnlyTheClientsTheyMaySee() {
        // A client of their own, whom no one has broken the glass for.
        String clientId = TreatmentFlowTest.client("Listed");
        Stack.careFor("clinician1", clientId);
        List<String> found =
                Stack.as("clinician2")
                        .queryParam("search", "Listed")
                        .when()
                        .get("/api/intake/clients")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("clientId");
        assertFalse(found.contains(clientId), "clinician2 found a client they have no relation to");
        List<String> mine =
                Stack.as("clinician1")
                        .queryParam("search", "Listed")
                        .when()
                        .get("/api/intake/clients")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("clientId");
        assertTrue(mine.contains(clientId), "clinician1 does not find their own client");

        // A crisis alert about the client: on their clinician's alert list, not on another's.
        TreatmentFlowTest.phq9(clientId, "[1,1,1,1,1,1,1,1,2]");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> alertsSeenBy("clinician1").contains(clientId));
        assertFalse(alertsSeenBy("clinician2").contains(clientId));
    }

    private static List<String> alertsSeenBy(String user) {
        return Stack.as(user)
                .when()
                .get("/api/risk/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("clientId");
    }

    private static boolean refusedForNoRelation(Response answer) {
        return answer.statusCode() == 403
                && answer.asString().contains("urn:careloop:problem:no-care-relationship");
    }

    /** The documented operations of a service whose path names one client's data. */
    private static List<Route> routes(String service) {
        JsonPath api =
                Stack.anonymous()
                        .when()
                        .get("/api/" + service + "/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<Route> routes = new ArrayList<>();
        paths.forEach(
                (path, operations) -> {
                    if (path.endsWith("/emergency-access")
                            || PARAM.matcher(path)
                                    .results()
                                    .noneMatch(m -> IDS.containsKey(m.group(1)))) {
                        return;
                    }
                    operations.forEach(
                            (method, operation) -> {
                                if (operation instanceof Map<?, ?> details) {
                                    routes.add(
                                            new Route(
                                                    service,
                                                    method.toUpperCase(),
                                                    path,
                                                    roles(details),
                                                    details.containsKey("requestBody")));
                                }
                            });
                });
        return routes;
    }

    /**
     * The roles the operation allows, as the OpenAPI document's security requirement lists them.
     */
    @SuppressWarnings("unchecked")
    private static Set<String> roles(Map<?, ?> operation) {
        Set<String> roles = new java.util.TreeSet<>();
        Object security = operation.get("security");
        if (security instanceof List<?> requirements) {
            for (Object requirement : requirements) {
                for (Object scopes : ((Map<String, Object>) requirement).values()) {
                    ((List<Object>) scopes).forEach(scope -> roles.add(scope.toString()));
                }
            }
        }
        return roles;
    }

    private record Route(
            String service, String method, String path, Set<String> roles, boolean hasBody) {

        /** The first caller with a relation to the client whose realm roles the route allows. */
        String relatedUser() {
            return RELATED.stream()
                    .filter(user -> REALM_ROLES.get(user).stream().anyMatch(roles::contains))
                    .findFirst()
                    .orElse(null);
        }

        /**
         * Calls the route for the client; a body route gets an empty object, which no route
         * accepts, so a caller let in meets the route's validation and changes nothing.
         */
        Response call(String user) {
            Matcher params = PARAM.matcher(path);
            StringBuilder filled = new StringBuilder();
            while (params.find()) {
                String name = params.group(1);
                String value =
                        IDS.getOrDefault(
                                name,
                                name.endsWith("Id") ? UUID.randomUUID().toString() : "nobody");
                params.appendReplacement(filled, value);
            }
            params.appendTail(filled);
            var request = Stack.as(user).contentType(ContentType.JSON);
            if (hasBody) {
                request = request.body("{}");
            }
            return request.when().request(method, "/api/" + service + filled);
        }

        @Override
        public String toString() {
            return method + " /api/" + service + path;
        }
    }
}
