package org.careloop.contracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.careloop.contracts.Upcaster;
import org.careloop.contracts.Upcasters;
import org.careloop.contracts.intake.ClientRegistered;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    /**
     * How a breaking change is carried: suppose an early ClientRegistered.v0 had named the date of
     * birth {@code dob}. The upcaster renames it, so consumers only ever handle the current record.
     */
    static final Upcaster DOB_RENAMED =
            new Upcaster() {
                @Override
                public String fromType() {
                    return "careloop.intake.ClientRegistered.v0";
                }

                @Override
                public String toType() {
                    return "careloop.intake.ClientRegistered.v1";
                }

                @Override
                public ObjectNode upcast(ObjectNode retired) {
                    retired.set("dateOfBirth", retired.remove("dob"));
                    return retired;
                }
            };

    @Test
    void aRetiredVersionIsUpcastToTheCurrentRecord() throws MalformedEventException {
        ObjectNode v0 =
                EventJson.parseObject(
                        """
                {"clientId":"5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c","firstName":"Mary Ann","lastName":"Evans",
                 "dob":"1989-11-22","registeredAt":"2026-11-22T09:30:00Z","registeredBy":"intake1"}""");

        ClientRegistered event =
                (ClientRegistered)
                        EventJson.decode(
                                "careloop.intake.ClientRegistered.v0",
                                v0,
                                new Upcasters(List.of(DOB_RENAMED)));

        assertEquals("Mary Ann", event.firstName());
        assertEquals(LocalDate.of(1989, 11, 22), event.dateOfBirth());
    }

    @Test
    void theCurrentTypeOfARetiredVersionIsWhereItsChainEnds() {
        Upcasters chain = new Upcasters(List.of(DOB_RENAMED));

        assertEquals(
                "careloop.intake.ClientRegistered.v1",
                chain.currentType("careloop.intake.ClientRegistered.v0"));
        assertEquals(
                "careloop.risk.RiskEscalated.v1",
                chain.currentType("careloop.risk.RiskEscalated.v1"));
    }

    @Test
    void fieldsAProducerAddedLaterAreIgnoredByOlderReaders() throws MalformedEventException {
        ObjectNode withExtra =
                EventJson.parseObject(
                        """
                {"clientId":"5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c","firstName":"Ada","lastName":"Lovelace",
                 "dateOfBirth":"1990-12-10","registeredAt":"2026-11-22T09:30:00Z","genderIdentity":"woman"}""");

        ClientRegistered event =
                (ClientRegistered)
                        EventJson.decode("careloop.intake.ClientRegistered.v1", withExtra);

        assertEquals("Ada", event.firstName());
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        MalformedEventException e =
                assertThrows(MalformedEventException.class, () -> EventJson.parseObject("{oops"));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void anUnknownTypeIsMalformed() throws MalformedEventException {
        ObjectNode json =
                EventJson.parseObject("{\"clientId\":\"5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c\"}");
        assertThrows(
                MalformedEventException.class,
                () -> EventJson.decode("careloop.intake.Nonsense.v1", json));
    }

    @Test
    void anEventWithoutClientIsMalformed() throws MalformedEventException {
        ObjectNode json = EventJson.parseObject("{\"firstName\":\"Ada\"}");
        assertThrows(
                MalformedEventException.class,
                () -> EventJson.decode("careloop.intake.ClientRegistered.v1", json));
    }

    @Test
    void aFieldOfTheWrongTypeIsMalformed() throws MalformedEventException {
        ObjectNode json =
                EventJson.parseObject(
                        "{\"clientId\":\"5b0c6f2e-8d1a-4c3e-9f7b-2a4d6e8f0a1c\",\"dateOfBirth\":\"yesterday\"}");
        assertThrows(
                MalformedEventException.class,
                () -> EventJson.decode("careloop.intake.ClientRegistered.v1", json));
    }
}
