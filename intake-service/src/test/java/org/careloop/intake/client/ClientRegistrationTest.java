package org.careloop.intake.client;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.careloop.contracts.Topics;
import org.careloop.contracts.codec.EventJson;
import org.careloop.platform.testing.CareTeamFixture;
import org.careloop.platform.testing.KafkaProbe;
import org.careloop.platform.testing.Rows;
import org.careloop.platform.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ClientRegistrationTest {

    /** Events requests recorded: partners' inbound referrals arrive by event at any time. */
    static final String REQUESTED_EVENTS =
            "select count(*) from event_store where coalesce(actor, '') not like 'partner:%'";

    static final String ADA =
            """
            {"firstName":"Ada","lastName":"Lovelace-%s","dateOfBirth":"1990-12-10","pronouns":"she/her",
             "phone":"+1 555 0100","email":"ada@example.org","preferredLanguage":"en"}""";

    @Inject DataSource db;

    @Test
    void aRegisteredClientCanBeReadFoundAndIsPublishedOnce() throws Exception {
        String surname = UUID.randomUUID().toString().substring(0, 8);
        String location =
                given().auth()
                        .oauth2(Tokens.of("intake1"))
                        .contentType(ContentType.JSON)
                        .body(ADA.formatted(surname))
                        .when()
                        .post("/clients")
                        .then()
                        .statusCode(201)
                        .header("Location", containsString("/api/intake/clients/"))
                        .body("firstName", equalTo("Ada"))
                        .body("registeredBy", equalTo("intake1"))
                        .extract()
                        .header("Location");
        String clientId = location.substring(location.lastIndexOf('/') + 1);

        // A clinician reads the record once on the client's care team.
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:careloop:problem:no-care-relationship"));
        CareTeamFixture.onCareTeam(db, UUID.fromString(clientId), "clinician1");
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .when()
                .get("/clients/" + clientId)
                .then()
                .statusCode(200)
                .body("clientId", equalTo(clientId))
                .body("lastName", equalTo("Lovelace-" + surname))
                .body("dateOfBirth", equalTo("1990-12-10"));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .queryParam("search", "lovelace-" + surname)
                .when()
                .get("/clients")
                .then()
                .statusCode(200)
                .body("clientId", hasItem(clientId));

        ConsumerRecord<String, String> published =
                KafkaProbe.await(
                        Topics.INTAKE, r -> clientId.equals(r.key()), Duration.ofSeconds(15));
        assertEquals(
                "careloop.intake.ClientRegistered.v1", KafkaProbe.header(published, "ce_type"));
        assertEquals("intake-service", KafkaProbe.header(published, "ce_source"));
        assertEquals(clientId, KafkaProbe.header(published, "ce_subject"));
        assertEquals("1.0", KafkaProbe.header(published, "ce_specversion"));
        JsonNode payload = EventJson.mapper().readTree(published.value());
        assertEquals("Lovelace-" + surname, payload.get("lastName").asText());
        // The relay marks the entry once the broker acknowledged it, which may be just after a
        // reader saw it.
        await().atMost(Duration.ofSeconds(15))
                .until(
                        () ->
                                Rows.count(
                                                db,
                                                "select count(*) from outbox where "
                                                        + "message_key = '"
                                                        + clientId
                                                        + "' and published_at is not null")
                                        == 1);
    }

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                Arguments.of(
                        "{\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\"}", "firstName"),
                Arguments.of(
                        "{\"firstName\":\" \",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\"}",
                        "firstName"),
                Arguments.of("{\"firstName\":\"Ada\",\"dateOfBirth\":\"1990-12-10\"}", "lastName"),
                Arguments.of("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"}", "dateOfBirth"),
                Arguments.of(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-13-10\"}",
                        "dateOfBirth"),
                Arguments.of(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"10/12/1990\"}",
                        "dateOfBirth"),
                Arguments.of(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"dateOfBirth\":19901210}",
                        "dateOfBirth"),
                Arguments.of(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"2999-01-01\"}",
                        "dateOfBirth"),
                Arguments.of(
                        "{\"firstName\":42,\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\"}",
                        "firstName"),
                Arguments.of(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\",\"shoeSize\":9}",
                        "shoeSize"),
                Arguments.of(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\",\"email\":\"not-an-email\"}",
                        "email"),
                Arguments.of(
                        "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"dateOfBirth\":\"1990-12-10\",\"phone\":\"call me\"}",
                        "phone"),
                Arguments.of("{\"firstName\":\"Ada\",", "body"),
                Arguments.of("[1,2,3]", "body"),
                Arguments.of("", "body"));
    }

    @ParameterizedTest
    @MethodSource("badRegistrations")
    void badInputIsAProblemNamingTheFieldAndChangesNothing(String body, String field)
            throws SQLException {
        long events = Rows.count(db, REQUESTED_EVENTS);
        long outbox = Rows.count(db, "select count(*) from outbox");

        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/clients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));

        assertEquals(events, Rows.count(db, REQUESTED_EVENTS));
        assertEquals(outbox, Rows.count(db, "select count(*) from outbox"));
    }

    @Test
    void aMalformedClientIdIsABadRequestAndAnUnknownOneIsNotFound() {
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .get("/clients/not-a-uuid")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("clientId"));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .get("/clients/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401AndWithAnotherRolesTokenIs403() {
        given().contentType(ContentType.JSON)
                .body(ADA.formatted("x"))
                .when()
                .post("/clients")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth()
                .oauth2(Tokens.of("clinician1"))
                .contentType(ContentType.JSON)
                .body(ADA.formatted("x"))
                .when()
                .post("/clients")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/clients/" + UUID.randomUUID())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2("not-a-token")
                .when()
                .get("/clients/" + UUID.randomUUID())
                .then()
                .statusCode(401);
    }

    @Test
    void theRegistryRebuiltFromTheEventStoreHasTheSameContent() throws SQLException {
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .contentType(ContentType.JSON)
                .body(ADA.formatted("rebuild"))
                .when()
                .post("/clients")
                .then()
                .statusCode(201);
        String before = Rows.dump(db, "client_registry", "client_id");

        given().auth()
                .oauth2(Tokens.of("admin1"))
                .when()
                .post("/admin/projections/clients/rebuild")
                .then()
                .statusCode(200)
                .body("projection", equalTo("clients"))
                .body(
                        "eventsProcessed",
                        equalTo(
                                (int)
                                        Rows.count(
                                                db,
                                                "select count(*) from event_store where stream_type = 'client'")));

        assertEquals(before, Rows.dump(db, "client_registry", "client_id"));
        given().auth()
                .oauth2(Tokens.of("intake1"))
                .when()
                .post("/admin/projections/clients/rebuild")
                .then()
                .statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheClientEndpoints() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.keySet()", hasItem(endsWith("/clients/{clientId}")));
    }
}
