package org.careloop.risk.risklevel;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.testing.Tokens;
import org.careloop.risk.alert.Screening;
import org.junit.jupiter.api.Test;

@QuarkusTest
public class RegistryTest {

    @Test
    void theRegistryComesInPagesThatTogetherListEveryClientAtRiskOnceInOrder() {
        List<UUID> screened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID clientId = UUID.randomUUID();
            Screening.raisesAnAlert(clientId, "Paged" + i, "Client", "+1 555 01" + (50 + i));
            screened.add(clientId);
        }

        List<Map<String, Object>> entries = everyPage("2");
        Set<String> seen = new HashSet<>();
        Instant previous = Instant.MIN;
        for (Map<String, Object> entry : entries) {
            assertTrue(seen.add((String) entry.get("clientId")), "listed twice: " + entry);
            Instant since = Instant.parse((String) entry.get("levelSince"));
            assertTrue(!since.isBefore(previous), "longest at the level first");
            previous = since;
            assertEquals(
                    Set.of("clientId", "name", "riskLevel", "levelSince"),
                    entry.keySet(),
                    "an entry shows who, the level and since when; no phone, episode or reason");
        }
        for (int i = 0; i < 3; i++) {
            UUID clientId = screened.get(i);
            Map<String, Object> entry =
                    entries.stream()
                            .filter(e -> clientId.toString().equals(e.get("clientId")))
                            .findFirst()
                            .orElseThrow();
            assertEquals("Paged" + i + " Client", entry.get("name"));
            assertEquals("MODERATE", entry.get("riskLevel"));
        }
        given().auth()
                .oauth2(Tokens.of("oncall1"))
                .when()
                .get("/registry")
                .then()
                .statusCode(200)
                .body("entries.size()", lessThanOrEqualTo(50));
    }

    @Test
    void aPageSizeOutOfRangeOrACursorThatDoesNotReadIsRefusedNamingIt() {
        for (String limit : new String[] {"0", "101", "-5", "fifty"}) {
            given().auth()
                    .oauth2(Tokens.of("oncall1"))
                    .queryParam("limit", limit)
                    .when()
                    .get("/registry")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("limit"));
        }
        for (String cursor : new String[] {"garbage!", "bm90IGEgY3Vyc29y"}) {
            given().auth()
                    .oauth2(Tokens.of("oncall1"))
                    .queryParam("cursor", cursor)
                    .when()
                    .get("/registry")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("cursor"));
        }
        given().auth()
                .oauth2(Tokens.of("billing1"))
                .when()
                .get("/registry")
                .then()
                .statusCode(403)
                .body("status", equalTo(403));
    }

    /** Follows {@code next} from the first page to the last, at the given page size. */
    public static List<Map<String, Object>> everyPage(String limit) {
        List<Map<String, Object>> entries = new ArrayList<>();
        String cursor = null;
        do {
            var request =
                    given().auth().oauth2(Tokens.of("supervisor1")).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page =
                    request.when()
                            .get("/registry")
                            .then()
                            .statusCode(200)
                            .body("entries.size()", lessThanOrEqualTo(Integer.parseInt(limit)))
                            .extract()
                            .jsonPath();
            entries.addAll(page.getList("entries"));
            cursor = page.getString("next");
        } while (cursor != null);
        return entries;
    }
}
