package org.careloop.platform.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PublicLocationTest {

    private static final URI PUBLIC = URI.create("https://care.example.org");

    @Test
    void aLocationBuiltFromAForgedHostPointsAtThePublicUrl() {
        assertEquals(
                URI.create("https://care.example.org/api/intake/clients/42"),
                PublicLocation.at(
                        PUBLIC, URI.create("http://evil.example:9999/api/intake/clients/42")));
    }

    @Test
    void aRelativeLocationKeepsItsPathAndQuery() {
        assertEquals(
                URI.create("https://care.example.org/api/risk/alerts?page=2"),
                PublicLocation.at(PUBLIC, URI.create("/api/risk/alerts?page=2")));
    }

    @Test
    void aPublicUrlWithAPathPrefixesTheLocation() {
        assertEquals(
                URI.create("https://example.org/careloop/api/billing/clients/9"),
                PublicLocation.at(
                        URI.create("https://example.org/careloop/"),
                        URI.create("http://localhost/api/billing/clients/9")));
    }

    @Test
    void thePublicUrlKeepsItsPort() {
        assertEquals(
                URI.create("http://localhost:8080/api/intake/clients/7"),
                PublicLocation.at(
                        URI.create("http://localhost:8080"),
                        URI.create("http://0.0.0.0:8081/api/intake/clients/7")));
    }
}
