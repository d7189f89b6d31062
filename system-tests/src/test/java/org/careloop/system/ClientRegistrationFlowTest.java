package org.careloop.system;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The first flow: a client registered at intake, through the gateway, reaches every service. */
class ClientRegistrationFlowTest {

    @Test
    void aClientRegisteredThroughTheGatewayAppearsInAllFiveServices() {
        String location =
                Stack.as("intake1")
                        .contentType(ContentType.JSON)
                        .body(
                                """
                {"firstName":"Octavia","lastName":"Butler","dateOfBirth":"1987-06-22","pronouns":"she/her",
                 "phone":"+1 555 0142","preferredLanguage":"en"}""")
                        .when()
                        .post("/api/intake/clients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .header("Location");
        String clientId = location.substring(location.lastIndexOf('/') + 1);

        for (String service : Stack.SERVICES) {
            Stack.awaitClient(service, clientId, Duration.ofSeconds(10));
        }
        // A clinician reads the client only once on their care team.
        Stack.careFor("clinician1", clientId);
        for (String service : Stack.SERVICES) {
            Stack.as(Stack.CLIENT_READER.get(service))
                    .when()
                    .get("/api/" + service + "/clients/" + clientId)
                    .then()
                    .statusCode(200)
                    .body("lastName", equalTo("Butler"))
                    .body("dateOfBirth", equalTo("1987-06-22"));
        }
    }
}
