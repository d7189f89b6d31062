package org.careloop.referral.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnnouncementTest {

    static final UUID REFERRAL = UUID.fromString("4f7d0c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f");
    static final Instant AT = Instant.parse("2026-12-11T09:30:00Z");

    @Test
    void theBodyCarriesIdsAndWhereToFetchTheTaskNothingClinical() {
        Announcement sent =
                Announcement.of(
                        Announcement.REQUESTED,
                        REFERRAL,
                        "riverside",
                        AT,
                        URI.create("https://care.example.org"),
                        "/api/referral");

        assertEquals(
                "{\"type\":\"referral.requested\",\"taskId\":\"4f7d0c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f\","
                        + "\"partnerId\":\"riverside\",\"at\":\"2026-12-11T09:30:00Z\","
                        + "\"fetch\":\"https://care.example.org/api/referral/fhir/Task/"
                        + "4f7d0c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f\"}",
                sent.body());
    }

    @Test
    void theTaskIsUnderThePublicAddressWhateverItsSlashes() {
        URI expected =
                URI.create("https://care.example.org/clinic/api/referral/fhir/Task/" + REFERRAL);
        for (String publicUrl :
                new String[] {
                    "https://care.example.org/clinic", "https://care.example.org/clinic/"
                }) {
            for (String root : new String[] {"/api/referral", "api/referral/", "/api/referral/"}) {
                assertEquals(
                        expected,
                        Announcement.of(
                                        Announcement.CANCELLED,
                                        REFERRAL,
                                        "riverside",
                                        AT,
                                        URI.create(publicUrl),
                                        root)
                                .fetch(),
                        publicUrl + " + " + root);
            }
        }
    }
}
