package org.careloop.risk.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AcknowledgementTest {

    @Test
    void aRefusedAcknowledgementBeforeAndAfterTheAcknowledgementRevealsNothingOfTheAlert() {
        UUID clientId = UUID.randomUUID();
        UUID alertId = Screening.raisesAnAlert(clientId, "Nadia", "Private", "+1 555 0177");
        String addressedTo =
                given().auth()
                        .oauth2(Tokens.of("supervisor1"))
                        .when()
                        .get("/alerts/" + alertId)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("alert.addressedTo");

        revealsNothing(acknowledge("clinician2", alertId), clientId, addressedTo);
        acknowledge("supervisor1", alertId).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        revealsNothing(acknowledge("clinician2", alertId), clientId, addressedTo);
        revealsNothing(acknowledge("clinician2", alertId), clientId, addressedTo);
        acknowledge("supervisor1", alertId).statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void acknowledgingSomethingThatIsNotAnAlertIsNotFound() {
        UUID clientId = UUID.randomUUID();
        Screening.raisesAnAlert(clientId, "Omar", "Elsewhere", "+1 555 0178");

        // A client's id names the client's risk stream in the same event store. An id that is no
        // alert is refused as an alert of a client not the caller's: a refusal tells nothing.
        acknowledge("supervisor1", clientId)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:careloop:problem:no-care-relationship"));
        acknowledge("oncall1", UUID.randomUUID())
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .when()
                .post("/alerts/not-an-id/acknowledgements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("alertId"));
    }

    private static ValidatableResponse acknowledge(String who, UUID alertId) {
        return given().auth()
                .oauth2(Tokens.of(who))
                .when()
                .post("/alerts/" + alertId + "/acknowledgements")
                .then();
    }

    private static void revealsNothing(
            ValidatableResponse refused, UUID clientId, String addressedTo) {
        refused.statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("clientId", nullValue())
                .body("priority", nullValue())
                .body("addressedTo", nullValue())
                .body(not(containsString(clientId.toString())))
                .body(not(containsString("Nadia")))
                .body(not(containsString("ACKNOWLEDGED")))
                .body(not(containsString("PHQ-9")));
        if (addressedTo != null) {
            refused.body(not(containsString("\"" + addressedTo + "\"")))
                    .body("detail", not(containsString(addressedTo)));
        }
    }
}
