package org.careloop.risk.policy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LadderBoundsTest {

    @Test
    void anAckTimeoutOutsideTheClinicsBoundsIsRefusedNamingTheStepAndTheLadderStays() {
        String before =
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .when()
                        .get("/escalation-policies/CRITICAL")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        for (String timeout : new String[] {"PT25H", "PT0.5S", "PT-5M", "P36500D"}) {
            given().auth()
                    .oauth2(Tokens.of("supervisor1"))
                    .contentType(ContentType.JSON)
                    .body(
                            "{\"steps\":[{\"tier\":\"PRIMARY\",\"ackTimeout\":\"PT5M\"},"
                                    + "{\"tier\":\"BACKUP\",\"ackTimeout\":\""
                                    + timeout
                                    + "\"},{\"tier\":\"CRISIS_TEAM\"}]}")
                    .when()
                    .put("/escalation-policies/CRITICAL")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("steps[1].ackTimeout"))
                    .body("errors[0].message", containsString("PT24H"));
        }
        given().auth()
                .oauth2(Tokens.of("supervisor1"))
                .when()
                .get("/escalation-policies/CRITICAL")
                .then()
                .statusCode(200)
                .body(equalTo(before));
    }
}
