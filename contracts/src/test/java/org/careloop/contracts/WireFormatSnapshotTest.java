package org.careloop.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.careloop.contracts.codec.EventJson;
import org.careloop.contracts.codec.MalformedEventException;
import org.junit.jupiter.api.Test;

/** Pins the JSON of every integration event: a change here is a change to the public contract. */
class WireFormatSnapshotTest {

    @Test
    void everyCataloguedEventHasASampleAndASnapshot() {
        Set<String> sampled =
                Samples.all().stream()
                        .map(e -> EventCatalog.typeOf(e.getClass()))
                        .collect(Collectors.toSet());
        for (Class<? extends IntegrationEvent> event : EventCatalog.events()) {
            String type = EventCatalog.typeOf(event);
            assertTrue(sampled.contains(type), "no sample for " + type);
            assertNotNull(
                    getClass().getResource("/snapshots/" + type + ".json"),
                    "no snapshot for " + type);
        }
    }

    @Test
    void everyEventSerialisesExactlyAsItsSnapshot() throws IOException {
        for (Map.Entry<String, List<IntegrationEvent>> samples : samplesByType().entrySet()) {
            JsonNode expected = snapshot(samples.getKey());
            JsonNode actual =
                    EventJson.mapper()
                            .readTree(
                                    "["
                                            + samples.getValue().stream()
                                                    .map(EventJson::encode)
                                                    .collect(Collectors.joining(","))
                                            + "]");
            assertEquals(expected, actual, "wire format of " + samples.getKey() + " changed");
        }
    }

    @Test
    void everySnapshotReadsBackAsTheSample() throws IOException, MalformedEventException {
        for (Map.Entry<String, List<IntegrationEvent>> samples : samplesByType().entrySet()) {
            JsonNode snapshot = snapshot(samples.getKey());
            for (int i = 0; i < samples.getValue().size(); i++) {
                IntegrationEvent read =
                        EventJson.decode(
                                samples.getKey(),
                                EventJson.parseObject(snapshot.get(i).toString()));
                assertEquals(samples.getValue().get(i), read);
            }
        }
    }

    /** Each snapshot file holds a JSON array: the samples of that type, in order. */
    private static Map<String, List<IntegrationEvent>> samplesByType() {
        return Samples.all().stream()
                .collect(
                        Collectors.groupingBy(
                                e -> EventCatalog.typeOf(e.getClass()),
                                LinkedHashMap::new,
                                Collectors.toList()));
    }

    @Test
    void typeNamesFollowTheConventionAndNameTheirTopic() {
        for (Class<? extends IntegrationEvent> event : EventCatalog.events()) {
            String type = EventCatalog.typeOf(event);
            assertTrue(type.matches("careloop\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+"), type);
            assertTrue(
                    type.contains("." + event.getSimpleName() + ".v"),
                    "type name and record name differ: " + type);
            assertTrue(
                    Set.of(
                                    Topics.INTAKE,
                                    Topics.TREATMENT,
                                    Topics.RISK,
                                    Topics.REFERRAL,
                                    Topics.BILLING,
                                    Topics.ACCESS)
                            .contains(EventCatalog.topicOf(type)),
                    type);
        }
    }

    private JsonNode snapshot(String type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/snapshots/" + type + ".json")) {
            assertNotNull(in, "no snapshot for " + type);
            return EventJson.mapper().readTree(in);
        }
    }
}
