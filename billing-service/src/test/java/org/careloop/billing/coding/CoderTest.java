package org.careloop.billing.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CoderTest {

    private static final TelehealthModifiers STANDARD = TelehealthModifiers.standard();

    @ParameterizedTest(name = "individual psychotherapy of {0} minutes is {1}")
    @CsvSource({
        "16,90832",
        "37,90832",
        "38,90834",
        "52,90834",
        "53,90837",
        "120,90837",
    })
    void individualPsychotherapyIsCodedByItsTime(int minutes, String cpt) {
        Coding coding = inClinic(SessionKind.INDIVIDUAL, minutes);

        assertEquals(List.of(cpt + " x1"), lines(coding));
        assertTrue(coding.billable());
        assertEquals(List.of(), coding.holds());
    }

    @ParameterizedTest(name = "individual psychotherapy of {0} minutes is held")
    @ValueSource(ints = {0, 1, 15})
    void individualPsychotherapyUnderSixteenMinutesIsHeld(int minutes) {
        Coding coding = inClinic(SessionKind.INDIVIDUAL, minutes);

        assertEquals(List.of(), coding.lines());
        assertEquals(List.of(CodingHold.BELOW_MINIMUM_TIME), coding.holds());
        assertFalse(coding.billable());
    }

    @ParameterizedTest(name = "crisis care of {0} minutes is {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "16 | 90832 x1",
                "29 | 90832 x1",
                "30 | 90839 x1",
                "74 | 90839 x1",
                "75 | 90839 x1, 90840 x1",
                "104 | 90839 x1, 90840 x1",
                "105 | 90839 x1, 90840 x2",
                "134 | 90839 x1, 90840 x2",
                "135 | 90839 x1, 90840 x3",
                "164 | 90839 x1, 90840 x3",
                "165 | 90839 x1, 90840 x4",
            })
    void crisisIsCodedByItsTime(int minutes, String expected) {
        Coding coding = inClinic(SessionKind.CRISIS, minutes);

        assertEquals(List.of(expected.split(", ")), lines(coding));
        assertTrue(coding.billable());
    }

    @Test
    void fifteenMinutesOfCrisisCareIsHeld() {
        Coding coding = inClinic(SessionKind.CRISIS, 15);

        assertEquals(List.of(), coding.lines());
        assertEquals(List.of(CodingHold.BELOW_MINIMUM_TIME), coding.holds());
        assertFalse(coding.billable());
    }

    @ParameterizedTest(name = "{0} of 26 minutes is {1}")
    @CsvSource({"FAMILY_WITHOUT_CLIENT,90846", "FAMILY_WITH_CLIENT,90847"})
    void familyPsychotherapyIsCodedFromTwentySixMinutes(SessionKind kind, String cpt) {
        assertEquals(List.of(cpt + " x1"), lines(inClinic(kind, 26)));
        assertEquals(List.of(cpt + " x1"), lines(inClinic(kind, 90)));
    }

    @ParameterizedTest(name = "{0} of 25 minutes is held")
    @EnumSource(names = {"FAMILY_WITHOUT_CLIENT", "FAMILY_WITH_CLIENT"})
    void familyPsychotherapyUnderTwentySixMinutesIsHeld(SessionKind kind) {
        Coding coding = inClinic(kind, 25);

        assertEquals(List.of(), coding.lines());
        assertEquals(List.of(CodingHold.BELOW_MINIMUM_TIME), coding.holds());
    }

    @ParameterizedTest(name = "group psychotherapy of {0} minutes is 90853")
    @ValueSource(ints = {0, 1, 10, 90})
    void groupPsychotherapyHasNoTimeMinimum(int minutes) {
        Coding coding = inClinic(SessionKind.GROUP, minutes);

        assertEquals(List.of("90853 x1"), lines(coding));
        assertTrue(coding.billable());
    }

    @ParameterizedTest(name = "a diagnostic evaluation of {0} minutes is 90791")
    @ValueSource(ints = {0, 5, 15, 60})
    void diagnosticEvaluationHasNoTimeMinimum(int minutes) {
        Coding coding = inClinic(SessionKind.DIAGNOSTIC_EVALUATION, minutes);

        assertEquals(List.of("90791 x1"), lines(coding));
        assertTrue(coding.billable());
    }

    @ParameterizedTest(name = "{0} of {1} minutes carries +90785 after {2}")
    @CsvSource({
        "DIAGNOSTIC_EVALUATION,60,90791",
        "INDIVIDUAL,16,90832",
        "INDIVIDUAL,45,90834",
        "INDIVIDUAL,60,90837",
        "GROUP,60,90853",
        "CRISIS,20,90832",
    })
    void interactiveComplexityIsAddedWhereCptAllowsIt(SessionKind kind, int minutes, String cpt) {
        Coding coding = code(kind, minutes, Modality.IN_PERSON, ClientLocation.CLINIC, true);

        assertEquals(List.of(cpt + " x1", "90785 x1"), lines(coding));
    }

    @ParameterizedTest(name = "{0} of {1} minutes never carries +90785")
    @CsvSource({
        "CRISIS,30",
        "CRISIS,74",
        "CRISIS,80",
        "FAMILY_WITHOUT_CLIENT,50",
        "FAMILY_WITH_CLIENT,50",
    })
    void interactiveComplexityIsNeverAddedToCrisisOrFamilyPsychotherapy(
            SessionKind kind, int minutes) {
        Coding coding = code(kind, minutes, Modality.IN_PERSON, ClientLocation.CLINIC, true);

        assertFalse(lines(coding).contains("90785 x1"));
        assertTrue(coding.billable());
    }

    @Test
    void interactiveComplexityIsNotAddedToAHeldSession() {
        Coding coding = code(SessionKind.INDIVIDUAL, 10, Modality.VIDEO, ClientLocation.HOME, true);

        assertEquals(List.of(), coding.lines());
        assertEquals(List.of(CodingHold.BELOW_MINIMUM_TIME), coding.holds());
    }

    @ParameterizedTest(name = "{0} with the client at {1} is place of service {2}")
    @CsvSource({
        "IN_PERSON,CLINIC,11",
        "IN_PERSON,HOME,12",
        "IN_PERSON,OTHER,99",
        "VIDEO,CLINIC,02",
        "VIDEO,HOME,10",
        "VIDEO,OTHER,02",
        "AUDIO_ONLY,CLINIC,02",
        "AUDIO_ONLY,HOME,10",
        "AUDIO_ONLY,OTHER,02",
    })
    void placeOfServiceFollowsModalityAndClientLocation(
            Modality modality, ClientLocation location, String placeOfService) {
        Coding coding = code(SessionKind.INDIVIDUAL, 53, modality, location, true);

        assertEquals(2, coding.lines().size());
        coding.lines().forEach(line -> assertEquals(placeOfService, line.placeOfService()));
    }

    @ParameterizedTest(name = "{0} with video {1} and audio {2} carries {3}")
    @CsvSource({
        "VIDEO,95,93,95",
        "VIDEO,GT,FQ,GT",
        "AUDIO_ONLY,95,93,93",
        "AUDIO_ONLY,GT,FQ,FQ",
    })
    void telehealthCarriesThePayersModifier(
            Modality modality, String video, String audio, String modifier) {
        Coding coding =
                Coder.code(
                        new CodingRequest(
                                SessionKind.INDIVIDUAL, 53, modality, ClientLocation.HOME, false),
                        new TelehealthModifiers(video, audio));

        assertEquals(List.of(modifier), coding.lines().getFirst().modifiers());
    }

    @Test
    void aPayerWithoutItsOwnModifiersFallsBackTo95And93() {
        TelehealthModifiers payer = new TelehealthModifiers(null, " ");

        assertEquals("95", payer.video());
        assertEquals("93", payer.audioOnly());
        assertEquals(new TelehealthModifiers("95", "93"), TelehealthModifiers.standard());
    }

    @Test
    void noPayerModifiersMeansTheStandardOnes() {
        Coding video = Coder.code(request(SessionKind.INDIVIDUAL, 53, Modality.VIDEO), null);
        Coding audio = Coder.code(request(SessionKind.INDIVIDUAL, 53, Modality.AUDIO_ONLY), null);

        assertEquals(List.of("95"), video.lines().getFirst().modifiers());
        assertEquals(List.of("93"), audio.lines().getFirst().modifiers());
    }

    @Test
    void inPersonSessionsCarryNoModifierWhateverThePayerUses() {
        Coding coding =
                Coder.code(
                        request(SessionKind.INDIVIDUAL, 53, Modality.IN_PERSON),
                        new TelehealthModifiers("GT", "FQ"));

        assertEquals(List.of(), coding.lines().getFirst().modifiers());
    }

    @Test
    void addOnLinesCarryTheTelehealthModifierToo() {
        Coding crisis =
                Coder.code(
                        request(SessionKind.CRISIS, 110, Modality.VIDEO),
                        new TelehealthModifiers("GT", "FQ"));
        Coding evaluation =
                Coder.code(
                        new CodingRequest(
                                SessionKind.DIAGNOSTIC_EVALUATION,
                                60,
                                Modality.AUDIO_ONLY,
                                ClientLocation.HOME,
                                true),
                        new TelehealthModifiers("GT", "FQ"));

        assertEquals(List.of("90839 x1", "90840 x2"), lines(crisis));
        crisis.lines().forEach(line -> assertEquals(List.of("GT"), line.modifiers()));
        assertEquals(List.of("90791 x1", "90785 x1"), lines(evaluation));
        evaluation.lines().forEach(line -> assertEquals(List.of("FQ"), line.modifiers()));
    }

    @Test
    void modifiersCannotBeChangedAfterCoding() {
        Coding coding = Coder.code(request(SessionKind.INDIVIDUAL, 53, Modality.VIDEO), STANDARD);
        List<String> modifiers = coding.lines().getFirst().modifiers();

        assertThrows(UnsupportedOperationException.class, () -> modifiers.add("GT"));
        assertThrows(UnsupportedOperationException.class, () -> coding.lines().clear());
    }

    @Test
    void aLineBuiltWithModifiersKeepsItsOwnCopy() {
        List<String> modifiers = new ArrayList<>(List.of("95"));
        ServiceLine line = new ServiceLine("90837", 1, modifiers, "10");

        modifiers.add("GT");

        assertEquals(List.of("95"), line.modifiers());
        assertEquals(List.of(), new ServiceLine("90837", 1, null, "11").modifiers());
    }

    @Test
    void aCodingWithoutLinesIsNotBillableEvenWithoutHolds() {
        assertFalse(new Coding(List.of(), List.of()).billable());
    }

    @Test
    void negativeMinutesAreRefused() {
        IllegalArgumentException refused =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> request(SessionKind.INDIVIDUAL, -1, Modality.IN_PERSON));

        assertTrue(refused.getMessage().contains("minutes"));
    }

    @Test
    void aMissingKindModalityOrLocationIsNamed() {
        NullPointerException kind =
                assertThrows(
                        NullPointerException.class,
                        () ->
                                new CodingRequest(
                                        null, 53, Modality.VIDEO, ClientLocation.HOME, false));
        NullPointerException modality =
                assertThrows(
                        NullPointerException.class,
                        () ->
                                new CodingRequest(
                                        SessionKind.INDIVIDUAL,
                                        53,
                                        null,
                                        ClientLocation.HOME,
                                        false));
        NullPointerException location =
                assertThrows(
                        NullPointerException.class,
                        () ->
                                new CodingRequest(
                                        SessionKind.INDIVIDUAL, 53, Modality.VIDEO, null, false));

        assertEquals("kind is required", kind.getMessage());
        assertEquals("modality is required", modality.getMessage());
        assertEquals("clientLocation is required", location.getMessage());
        assertThrows(NullPointerException.class, () -> Coder.code(null, STANDARD));
    }

    @ParameterizedTest(name = "\"{0}\" is not a modifier")
    @ValueSource(strings = {"9", "955", "g t", "G-"})
    void aMalformedPayerModifierIsRefused(String modifier) {
        assertThrows(IllegalArgumentException.class, () -> new TelehealthModifiers(modifier, null));
    }

    private static Coding inClinic(SessionKind kind, int minutes) {
        return code(kind, minutes, Modality.IN_PERSON, ClientLocation.CLINIC, false);
    }

    private static Coding code(
            SessionKind kind,
            int minutes,
            Modality modality,
            ClientLocation location,
            boolean interactiveComplexity) {
        return Coder.code(
                new CodingRequest(kind, minutes, modality, location, interactiveComplexity),
                STANDARD);
    }

    private static CodingRequest request(SessionKind kind, int minutes, Modality modality) {
        return new CodingRequest(kind, minutes, modality, ClientLocation.HOME, false);
    }

    private static List<String> lines(Coding coding) {
        return coding.lines().stream().map(line -> line.cpt() + " x" + line.units()).toList();
    }
}
