package org.careloop.billing.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProfessionalClaimFileTest {

    static final long CONTROL_NUMBER = 4711;
    static final Instant CREATED_AT = Instant.parse("2026-01-15T14:30:00Z");

    static final Party SUBMITTER = new Party("CARELOOP01", "CareLoop Clinic");
    static final Party RECEIVER = new Party("CLEARHOUSE", "Clearing House");
    static final Party PAYER = new Party("60054", "Aetna");
    static final Party SECOND_PAYER = new Party("87726", "UnitedHealthcare");
    static final BillingProvider CLINIC =
            new BillingProvider(
                    "CareLoop Behavioral Health",
                    "1245319599",
                    "12-3456789",
                    new Address("100 Main Street", "Springfield", "IL", "62701-1234"),
                    "Billing Office",
                    "(217) 555-0100");
    static final Provider ASSOCIATE = new Provider("1234567893", "Ana", "Reyes");
    static final Provider SUPERVISOR = new Provider("1245319599", "Sam", "Okafor");

    static final Person ADULT =
            new Person(
                    "Jordan",
                    "Lee",
                    LocalDate.of(1988, 3, 9),
                    "F",
                    new Address("12 Oak Avenue", "Springfield", "IL", "62704"));
    static final Person PARENT =
            new Person(
                    "Chris",
                    "Novak",
                    LocalDate.of(1979, 11, 2),
                    "M",
                    new Address("8 Elm Court", "Springfield", "IL", "62702"));
    static final Person CHILD =
            new Person(
                    "Mia",
                    "Novak",
                    LocalDate.of(2014, 6, 21),
                    "F",
                    new Address("8 Elm Court", "Springfield", "IL", "62702"));

    static final Subscriber ADULT_COVERAGE =
            new Subscriber("W123456789", "GRP100", "SELF", ADULT, null, true);
    static final Subscriber CHILD_COVERAGE =
            new Subscriber("U987654321", null, "CHILD", PARENT, CHILD, false, "MC");

    /** In person, under supervision, with a prior authorization. */
    static final ProfessionalClaim IN_PERSON =
            new ProfessionalClaim(
                    "CL-2026-0001",
                    PAYER,
                    ADULT_COVERAGE,
                    "11",
                    "PA778899",
                    List.of("F33.1", "F41.1"),
                    ASSOCIATE,
                    SUPERVISOR,
                    List.of(
                            new ProfessionalLine(
                                    "90834",
                                    List.of(),
                                    1,
                                    new BigDecimal("120.00"),
                                    LocalDate.of(2026, 1, 12),
                                    List.of(1, 2)),
                            new ProfessionalLine(
                                    "90785",
                                    List.of(),
                                    1,
                                    new BigDecimal("25.50"),
                                    LocalDate.of(2026, 1, 12),
                                    List.of(1))));

    /** By video with the child at home, under a parent's coverage. */
    static final ProfessionalClaim TELEHEALTH =
            new ProfessionalClaim(
                    "CL-2026-0002",
                    SECOND_PAYER,
                    CHILD_COVERAGE,
                    "10",
                    null,
                    List.of("F90.2"),
                    ASSOCIATE,
                    null,
                    List.of(
                            new ProfessionalLine(
                                    "90837",
                                    List.of("95"),
                                    1,
                                    new BigDecimal("150.00"),
                                    LocalDate.of(2026, 1, 13),
                                    List.of(1))));

    @Test
    void theEnvelopeCarriesOneControlNumberAndStaediFindsNoErrors() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH)));

        assertEquals(List.of(), file.errors());
        Segment isa = file.first("ISA");
        Segment gs = file.first("GS");
        Segment st = file.first("ST");
        assertEquals("000004711", isa.element(13));
        assertEquals("CARELOOP01     ", isa.element(6));
        assertEquals("CLEARHOUSE     ", isa.element(8));
        assertEquals("260115", isa.element(9));
        assertEquals("1430", isa.element(10));
        assertEquals("00501", isa.element(12));
        assertEquals("T", isa.element(15));
        assertEquals("HC", gs.element(1));
        assertEquals("4711", gs.element(6));
        assertEquals("005010X222A1", gs.element(8));
        assertEquals("837", st.element(1));
        assertEquals("4711", st.element(2));
        assertEquals("005010X222A1", st.element(3));
        assertEquals(st.element(2), file.first("SE").element(2));
        assertEquals(gs.element(6), file.first("GE").element(2));
        assertEquals(isa.element(13), file.first("IEA").element(2));
        assertEquals("1", file.first("GE").element(1));
        assertEquals("1", file.first("IEA").element(1));
    }

    @Test
    void theTransactionTrailerCountsEverySegmentFromStToSe() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH)));

        List<String> tags = file.segments().stream().map(Segment::tag).toList();
        int counted = tags.indexOf("SE") - tags.indexOf("ST") + 1;
        assertEquals(Integer.toString(counted), file.first("SE").element(1));
    }

    @Test
    void aWrongSegmentCountIsCaughtByStaedi() throws Exception {
        String written = ProfessionalClaimFile.write(interchange(IN_PERSON));
        String se = written.substring(written.indexOf("~SE*") + 1);
        String count = se.substring(3, se.indexOf('*', 3));
        String tampered =
                written.replace("~SE*" + count + "*", "~SE*" + (Integer.parseInt(count) + 1) + "*");

        ReadBack file = read(tampered);

        assertTrue(
                file.errors().stream()
                        .anyMatch(e -> e.contains("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT")),
                file.errors().toString());
    }

    @Test
    void theSubmitterReceiverAndBillingProviderOpenTheTransaction() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON)));

        Segment bht = file.first("BHT");
        assertEquals(List.of("0019", "00", "4711", "20260115", "1430", "CH"), bht.values());
        assertEquals(
                List.of("41", "2", "CareLoop Clinic", "", "", "", "", "46", "CARELOOP01"),
                file.nm1("41").values());
        assertEquals(
                List.of("IC", "Billing Office", "TE", "2175550100"), file.first("PER").values());
        assertEquals("CLEARHOUSE", file.nm1("40").element(9));
        assertEquals(List.of("1", "", "20", "1"), file.first("HL").values());
        Segment billingProvider = file.nm1("85");
        assertEquals("CareLoop Behavioral Health", billingProvider.element(3));
        assertEquals("XX", billingProvider.element(8));
        assertEquals("1245319599", billingProvider.element(9));
        Segment n4 = file.after(billingProvider, "N4");
        assertEquals(List.of("Springfield", "IL", "627011234"), n4.values());
        assertEquals(List.of("EI", "123456789"), file.after(billingProvider, "REF").values());
    }

    @Test
    void aClientWhoHoldsTheCoverageIsTheSubscriberAndThePatient() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON)));

        assertEquals(List.of("2", "1", "22", "0"), file.all("HL").get(1).values());
        assertEquals(
                List.of("P", "18", "GRP100", "", "", "", "", "", "CI"), file.first("SBR").values());
        Segment subscriber = file.nm1("IL");
        assertEquals(
                List.of("IL", "1", "Lee", "Jordan", "", "", "", "MI", "W123456789"),
                subscriber.values());
        assertEquals("12 Oak Avenue", file.after(subscriber, "N3").element(1));
        assertEquals(List.of("D8", "19880309", "F"), file.after(subscriber, "DMG").values());
        assertEquals(
                List.of("PR", "2", "Aetna", "", "", "", "", "PI", "60054"),
                file.nm1("PR").values());
        assertTrue(file.all("PAT").isEmpty());
        assertTrue(file.all("HL").stream().noneMatch(hl -> hl.element(3).equals("23")));
    }

    @Test
    void aDependentClientHasAPatientLoopAndTheSubscriberOnlyTheirNameAndMemberId()
            throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH)));

        List<Segment> hierarchy = file.all("HL");
        assertEquals(List.of("3", "1", "22", "1"), hierarchy.get(2).values());
        assertEquals(List.of("4", "3", "23", "0"), hierarchy.get(3).values());
        Segment sbr = file.after(hierarchy.get(2), "SBR");
        assertEquals("S", sbr.element(1));
        assertEquals("", sbr.element(2));
        assertEquals("MC", sbr.element(9), "the payer's claim filing indicator (Medicaid)");
        assertEquals(List.of("19"), file.first("PAT").values());
        Segment patient = file.nm1("QC");
        assertEquals(List.of("QC", "1", "Novak", "Mia"), patient.values());
        assertEquals(List.of("D8", "20140621", "F"), file.after(patient, "DMG").values());
        Segment parent = file.after(hierarchy.get(2), "NM1");
        assertEquals(
                List.of("IL", "1", "Novak", "Chris", "", "", "", "MI", "U987654321"),
                parent.values());
        assertEquals("PR", file.segments().get(file.indexOf(parent) + 1).element(1));
        assertTrue(file.indexOf(file.first("PAT")) < file.indexOf(file.claim("CL-2026-0002")));
    }

    @Test
    void theClaimCarriesItsTotalPlaceOfServiceAndAuthorization() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH)));

        Segment clm = file.claim("CL-2026-0001");
        assertEquals("145.5", clm.element(2));
        assertEquals(List.of("11", "B", "1"), clm.components(5));
        assertEquals(List.of("Y", "A", "Y", "Y"), clm.values().subList(5, 9));
        assertEquals(List.of("G1", "PA778899"), file.after(clm, "REF").values());
        assertEquals(sumOfLines(file, clm), new BigDecimal(clm.element(2)));
        Segment telehealth = file.claim("CL-2026-0002");
        assertEquals("150", telehealth.element(2));
        assertEquals(List.of("10", "B", "1"), telehealth.components(5));
        assertEquals(sumOfLines(file, telehealth), new BigDecimal(telehealth.element(2)));
        assertFalse(
                file.claimSegments(telehealth).stream()
                        .anyMatch(s -> s.tag().equals("REF") && s.element(1).equals("G1")));
    }

    @Test
    void diagnosesAreWrittenWithoutTheirDotPrincipalFirst() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH)));

        List<Segment> hi = file.all("HI");
        assertEquals(List.of("ABK", "F331"), hi.get(0).components(1));
        assertEquals(List.of("ABF", "F411"), hi.get(0).components(2));
        assertEquals(List.of("ABK", "F902"), hi.get(1).components(1));
        hi.forEach(segment -> segment.values().forEach(value -> assertFalse(value.contains("."))));
    }

    @Test
    void renderingAndSupervisingProvidersAreNamedWithTheirNpi() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH)));

        List<Segment> supervised = file.claimSegments(file.claim("CL-2026-0001"));
        List<Segment> alone = file.claimSegments(file.claim("CL-2026-0002"));
        assertEquals(
                List.of("82", "1", "Reyes", "Ana", "", "", "", "XX", "1234567893"),
                nm1(supervised, "82").values());
        assertEquals(
                List.of("DQ", "1", "Okafor", "Sam", "", "", "", "XX", "1245319599"),
                nm1(supervised, "DQ").values());
        assertEquals("1234567893", nm1(alone, "82").element(9));
        assertTrue(
                alone.stream().noneMatch(s -> s.tag().equals("NM1") && s.element(1).equals("DQ")));
    }

    @Test
    void eachServiceLineCarriesItsProcedureModifiersChargeUnitsPointersAndDate() throws Exception {
        ReadBack file = read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH)));

        List<Segment> lines = file.all("SV1");
        assertEquals(List.of("HC", "90834"), lines.get(0).components(1));
        assertEquals("120", lines.get(0).element(2));
        assertEquals("UN", lines.get(0).element(3));
        assertEquals("1", lines.get(0).element(4));
        assertEquals(List.of("1", "2"), lines.get(0).components(7));
        assertEquals(List.of("HC", "90785"), lines.get(1).components(1));
        assertEquals("25.5", lines.get(1).element(2));
        Segment telehealth = lines.get(2);
        assertEquals(List.of("HC", "90837", "95"), telehealth.components(1));
        assertEquals("150", telehealth.element(2));
        assertEquals("1", telehealth.element(4));
        assertEquals(List.of("1"), telehealth.components(7));
        assertEquals(List.of("472", "D8", "20260113"), file.after(telehealth, "DTP").values());
        assertEquals(
                List.of("1", "2", "1"), file.all("LX").stream().map(lx -> lx.element(1)).toList());
    }

    @Test
    void claimsOfTheSamePayerAndSubscriberShareOneSubscriberLoop() throws Exception {
        ProfessionalClaim later =
                new ProfessionalClaim(
                        "CL-2026-0003",
                        PAYER,
                        ADULT_COVERAGE,
                        "02",
                        null,
                        List.of("F33.1"),
                        ASSOCIATE,
                        null,
                        List.of(
                                new ProfessionalLine(
                                        "90837",
                                        List.of("GT"),
                                        1,
                                        new BigDecimal("150"),
                                        LocalDate.of(2026, 1, 14),
                                        List.of(1))));

        ReadBack file =
                read(ProfessionalClaimFile.write(interchange(IN_PERSON, TELEHEALTH, later)));

        assertEquals(List.of(), file.errors());
        assertEquals(2, file.all("SBR").size());
        List<String> claimsInOrder = file.all("CLM").stream().map(clm -> clm.element(1)).toList();
        assertEquals(List.of("CL-2026-0001", "CL-2026-0003", "CL-2026-0002"), claimsInOrder);
        assertEquals(
                List.of("1", "2", "3", "4"),
                file.all("HL").stream().map(hl -> hl.element(1)).toList());
    }

    @Test
    void theFileIsOneLineOfTildeTerminatedSegments() {
        String written = ProfessionalClaimFile.write(interchange(IN_PERSON));

        assertFalse(written.contains("\n"));
        assertTrue(written.endsWith("~"));
        assertEquals(106, written.indexOf('~') + 1);
    }

    @Test
    void aProductionFileIsMarkedP() throws Exception {
        Interchange production =
                new Interchange(
                        CONTROL_NUMBER,
                        CREATED_AT,
                        true,
                        SUBMITTER,
                        RECEIVER,
                        CLINIC,
                        List.of(IN_PERSON));

        assertEquals("P", read(ProfessionalClaimFile.write(production)).first("ISA").element(15));
    }

    @Test
    void lettersWithDiacriticsAreWrittenWithoutThem() throws Exception {
        Person zoe = new Person("Zoë", "Núñez", LocalDate.of(1990, 1, 1), "U", null);
        ProfessionalClaim claim =
                new ProfessionalClaim(
                        "CL-2026-0004",
                        PAYER,
                        new Subscriber("W555", null, "SELF", zoe, zoe, true),
                        "11",
                        null,
                        List.of("F43.10"),
                        ASSOCIATE,
                        null,
                        TELEHEALTH.lines());

        ReadBack file = read(ProfessionalClaimFile.write(interchange(claim)));

        assertEquals(List.of(), file.errors());
        assertEquals("Nunez", file.nm1("IL").element(3));
        assertEquals("Zoe", file.nm1("IL").element(4));
        assertEquals(List.of("ABK", "F4310"), file.first("HI").components(1));
    }

    @Test
    void aBlankOrMistypedNpiIsRefusedByName() {
        IllegalArgumentException blank =
                assertThrows(IllegalArgumentException.class, () -> new Provider(" ", "A", "B"));
        IllegalArgumentException mistyped =
                assertThrows(
                        IllegalArgumentException.class, () -> new Provider("1234567890", "A", "B"));
        IllegalArgumentException clinic =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new BillingProvider(
                                        "Clinic",
                                        "",
                                        "123456789",
                                        CLINIC.address(),
                                        "Office",
                                        "2175550100"));

        assertEquals("Provider.npi is required", blank.getMessage());
        assertTrue(mistyped.getMessage().startsWith("Provider.npi"), mistyped.getMessage());
        assertTrue(clinic.getMessage().startsWith("BillingProvider.npi"), clinic.getMessage());
    }

    @Test
    void malformedClaimsAreRefusedNamingTheField() {
        assertRefused(
                "ProfessionalLine.diagnosisPointers",
                () ->
                        new ProfessionalClaim(
                                "CL-1",
                                PAYER,
                                ADULT_COVERAGE,
                                "11",
                                null,
                                List.of("F33.1"),
                                ASSOCIATE,
                                null,
                                IN_PERSON.lines()));
        assertRefused(
                "ProfessionalClaim.patientControlNumber",
                () ->
                        new ProfessionalClaim(
                                "X".repeat(21),
                                PAYER,
                                ADULT_COVERAGE,
                                "11",
                                null,
                                List.of("F33.1"),
                                ASSOCIATE,
                                null,
                                TELEHEALTH.lines()));
        assertRefused(
                "ProfessionalClaim.diagnoses",
                () ->
                        new ProfessionalClaim(
                                "CL-1",
                                PAYER,
                                ADULT_COVERAGE,
                                "11",
                                null,
                                List.of("depression"),
                                ASSOCIATE,
                                null,
                                TELEHEALTH.lines()));
        assertRefused(
                "ProfessionalClaim.rendering",
                () ->
                        new ProfessionalClaim(
                                "CL-1",
                                PAYER,
                                ADULT_COVERAGE,
                                "11",
                                null,
                                List.of("F33.1"),
                                null,
                                null,
                                TELEHEALTH.lines()));
        assertRefused(
                "ProfessionalLine.charge",
                () ->
                        new ProfessionalLine(
                                "90837",
                                List.of(),
                                1,
                                new BigDecimal("-1"),
                                LocalDate.of(2026, 1, 1),
                                List.of(1)));
        assertRefused(
                "ProfessionalLine.modifiers",
                () ->
                        new ProfessionalLine(
                                "90837",
                                List.of("95", "GT", "HO", "U1", "59"),
                                1,
                                BigDecimal.TEN,
                                LocalDate.of(2026, 1, 1),
                                List.of(1)));
    }

    @Test
    void textHoldingAnX12DelimiterIsRefused() {
        assertRefused(
                "Person.lastName",
                () -> new Person("Ann", "O*Brien", LocalDate.of(1990, 1, 1), "F", null));
        assertRefused(
                "Address.line1", () -> new Address("Suite 4~5", "Springfield", "IL", "62701"));
    }

    @Test
    void aSubscriberWhoIsThePatientNeedsNoSecondPerson() {
        Subscriber self = new Subscriber("W1", null, "SELF", ADULT, null, true);

        assertEquals(ADULT, self.patient());
        assertRefused(
                "Subscriber.patient", () -> new Subscriber("W1", null, "SELF", ADULT, CHILD, true));
        assertRefused(
                "Subscriber.patient",
                () -> new Subscriber("W1", null, "CHILD", PARENT, null, true));
        assertRefused(
                "Subscriber.relationship",
                () -> new Subscriber("W1", null, "COUSIN", PARENT, CHILD, true));
    }

    @Test
    void theEnvelopeRefusesWhatItCannotCarry() {
        assertRefused(
                "Interchange.controlNumber",
                () ->
                        new Interchange(
                                0,
                                CREATED_AT,
                                false,
                                SUBMITTER,
                                RECEIVER,
                                CLINIC,
                                List.of(IN_PERSON)));
        assertRefused(
                "Interchange.controlNumber",
                () ->
                        new Interchange(
                                1_000_000_000L,
                                CREATED_AT,
                                false,
                                SUBMITTER,
                                RECEIVER,
                                CLINIC,
                                List.of(IN_PERSON)));
        assertRefused(
                "Interchange.submitter.id",
                () ->
                        new Interchange(
                                1,
                                CREATED_AT,
                                false,
                                new Party("SUBMITTER-ID-LONGER", "Clinic"),
                                RECEIVER,
                                CLINIC,
                                List.of(IN_PERSON)));
        assertRefused(
                "Interchange.claims",
                () ->
                        new Interchange(
                                1, CREATED_AT, false, SUBMITTER, RECEIVER, CLINIC, List.of()));
        assertRefused(
                "BillingProvider.address.postalCode",
                () ->
                        new BillingProvider(
                                "Clinic",
                                "1245319599",
                                "123456789",
                                new Address("1 Main", "Springfield", "IL", "62701"),
                                "Office",
                                "2175550100"));
    }

    @Test
    void theTotalChargeIsTheSumOfTheLines() {
        assertEquals(new BigDecimal("145.50"), IN_PERSON.totalCharge());
    }

    private static Interchange interchange(ProfessionalClaim... claims) {
        return new Interchange(
                CONTROL_NUMBER, CREATED_AT, false, SUBMITTER, RECEIVER, CLINIC, List.of(claims));
    }

    private static void assertRefused(String field, Runnable construction) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(refused.getMessage().startsWith(field), refused.getMessage());
    }

    private static BigDecimal sumOfLines(ReadBack file, Segment claim) {
        return file.claimSegments(claim).stream()
                .filter(segment -> segment.tag().equals("SV1"))
                .map(segment -> new BigDecimal(segment.element(2)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Segment nm1(List<Segment> segments, String entity) {
        return segments.stream()
                .filter(s -> s.tag().equals("NM1") && s.element(1).equals(entity))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no NM1*" + entity));
    }

    /** Reads a file back with StAEDI, keeping every segment and every error it reports. */
    private static ReadBack read(String x12) throws EDIStreamException, IOException {
        List<Segment> segments = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        try (EDIStreamReader reader =
                factory.createEDIStreamReader(
                        new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)))) {
            String tag = null;
            Map<Integer, List<String>> elements = new TreeMap<>();
            boolean inComposite = false;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event.isError()) {
                    errors.add(
                            reader.getErrorType()
                                    + " "
                                    + reader.getReferenceCode()
                                    + " in "
                                    + reader.getLocation().getSegmentTag());
                    continue;
                }
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new TreeMap<>();
                    }
                    case START_COMPOSITE -> inComposite = true;
                    case END_COMPOSITE -> inComposite = false;
                    case ELEMENT_DATA -> {
                        int position = reader.getLocation().getElementPosition();
                        List<String> element =
                                elements.computeIfAbsent(position, p -> new ArrayList<>());
                        if (inComposite || element.isEmpty()) {
                            element.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> segments.add(new Segment(tag, elements));
                    default -> {}
                }
            }
        }
        return new ReadBack(segments, errors);
    }

    /** A segment as read back: its tag and, by 1-based position, each element's components. */
    record Segment(String tag, List<List<String>> elements) {

        Segment(String tag, Map<Integer, List<String>> byPosition) {
            this(tag, positioned(byPosition));
        }

        private static List<List<String>> positioned(Map<Integer, List<String>> byPosition) {
            int last = byPosition.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<List<String>> elements = new ArrayList<>();
            for (int position = 1; position <= last; position++) {
                elements.add(List.copyOf(byPosition.getOrDefault(position, List.of(""))));
            }
            return List.copyOf(elements);
        }

        String element(int position) {
            return position > elements.size() ? "" : String.join(":", elements.get(position - 1));
        }

        List<String> components(int position) {
            return elements.get(position - 1);
        }

        List<String> values() {
            return elements.stream().map(components -> String.join(":", components)).toList();
        }
    }

    record ReadBack(List<Segment> segments, List<String> errors) {

        Segment first(String tag) {
            return all(tag).stream()
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tag + " segment"));
        }

        List<Segment> all(String tag) {
            return segments.stream().filter(s -> s.tag().equals(tag)).toList();
        }

        Segment nm1(String entity) {
            return ProfessionalClaimFileTest.nm1(segments, entity);
        }

        int indexOf(Segment segment) {
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i) == segment) {
                    return i;
                }
            }
            throw new AssertionError("not in the file: " + segment);
        }

        /** The first segment with this tag after the given one. */
        Segment after(Segment from, String tag) {
            return segments.subList(indexOf(from) + 1, segments.size()).stream()
                    .filter(s -> s.tag().equals(tag))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tag + " after " + from));
        }

        Segment claim(String patientControlNumber) {
            return all("CLM").stream()
                    .filter(clm -> clm.element(1).equals(patientControlNumber))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no claim " + patientControlNumber));
        }

        /** A claim's segments, from its CLM up to the next claim, subscriber loop or SE. */
        List<Segment> claimSegments(Segment clm) {
            List<Segment> claim = new ArrayList<>();
            for (Segment segment : segments.subList(indexOf(clm), segments.size())) {
                if (!claim.isEmpty() && List.of("CLM", "HL", "SE").contains(segment.tag())) {
                    break;
                }
                claim.add(segment);
            }
            return claim;
        }
    }
}
