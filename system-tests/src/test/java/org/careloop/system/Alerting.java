package org.careloop.system;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Setting up crisis alerts through the gateway: ladders, the rota, pagers, positive screens. */
final class Alerting {

    private Alerting() {}

    /** A ladder for the priority: PRIMARY and BACKUP with these timeouts, then SUPERVISOR. */
    static void ladder(String priority, String primary, String backup) {
        Stack.as("supervisor1")
                .contentType(ContentType.JSON)
                .body(
                        "{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\""
                                + primary
                                + "\"},"
                                + "{\"tier\":\"BACKUP\",\"ackTimeout\":\""
                                + backup
                                + "\"},"
                                + "{\"tier\":\"SUPERVISOR\",\"ackTimeout\":\"PT10M\"},{\"tier\":\"CRISIS_TEAM\"}]}")
                .when()
                .put("/api/risk/escalation-policies/" + priority)
                .then()
                .statusCode(200);
    }

    /** Puts a clinician on call from a few minutes ago for two hours; returns the shift's id. */
    static String shift(String clinician, String tier) {
        Instant now = Instant.now();
        return Stack.as("supervisor1")
                .contentType(ContentType.JSON)
                .body(
                        "{\"clinician\":\""
                                + clinician
                                + "\",\"tier\":\""
                                + tier
                                + "\",\"startsAt\":\""
                                + now.minus(Duration.ofMinutes(5))
                                + "\",\"endsAt\":\""
                                + now.plus(Duration.ofHours(2))
                                + "\"}")
                .when()
                .post("/api/risk/on-call/shifts")
                .then()
                .statusCode(201)
                .extract()
                .path("shiftId");
    }

    /** Takes the shifts off the rota and gives the priorities the clinic's ladders back. */
    static void clear(List<String> shifts, List<String> priorities) {
        for (String shiftId : shifts) {
            Stack.as("supervisor1")
                    .when()
                    .delete("/api/risk/on-call/shifts/" + shiftId)
                    .then()
                    .statusCode(204);
        }
        for (String priority : priorities) {
            Stack.as("supervisor1")
                    .when()
                    .delete("/api/risk/escalation-policies/" + priority)
                    .then()
                    .statusCode(200);
        }
    }

    /** Registers a client at intake and waits until risk-service knows them; returns the id. */
    static String register(String first, String last) {
        String location =
                Stack.as("intake1")
                        .contentType(ContentType.JSON)
                        .body(
                                "{\"firstName\":\""
                                        + first
                                        + "\",\"lastName\":\""
                                        + last
                                        + "\",\"dateOfBirth\":\"1992-03-04\",\"phone\":\"+1 555 0199\"}")
                        .when()
                        .post("/api/intake/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        String clientId = location.substring(location.lastIndexOf('/') + 1);
        // Risk knows the client before the screen: the path through the broker is warm. (Right
        // after a test restarted risk-service, its consumer may still be rejoining the group.)
        Stack.awaitClient("risk", clientId, Duration.ofSeconds(60));
        return clientId;
    }

    /** A PHQ-9 with item 9 positive, submitted at intake: an URGENT alert. */
    static void positivePhq9(String clientId) {
        Stack.as("intake1")
                .contentType(ContentType.JSON)
                .body("{\"instrument\":\"PHQ-9\",\"answers\":[1,1,1,1,1,1,1,1,2]}")
                .when()
                .post("/api/intake/clients/" + clientId + "/assessments")
                .then()
                .statusCode(201);
    }

    /** Registers a pager webhook; returns its id. */
    static String webhook(String url, String secret) {
        return Stack.as("admin1")
                .contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"}")
                .when()
                .post("/api/risk/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("webhookId");
    }

    static void removeWebhook(String webhookId) {
        Stack.as("admin1").when().delete("/api/risk/webhooks/" + webhookId).then().statusCode(204);
    }
}
