package org.careloop.billing.export;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants.Delimiters;
import io.xlate.edi.stream.EDIStreamConstants.Standards;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import io.xlate.edi.stream.EDIValidationException;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes claims as an ANSI X12 837 professional claim file (005010X222A1): one interchange, one
 * functional group, one transaction.
 *
 * <p>Segments end with {@code ~} and nothing else, so the file is one line and the same bytes on
 * every platform; elements are separated by {@code *}, components by {@code :}, repetitions by
 * {@code ^}. Claims of the same payer and subscriber share one subscriber loop.
 */
public final class ProfessionalClaimFile {

    static final String VERSION = "005010X222A1";
    private static final String INTERCHANGE_VERSION = "00501";

    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private ProfessionalClaimFile() {}

    /** The interchange as X12 text. */
    public static String write(Interchange interchange) {
        Objects.requireNonNull(interchange, "interchange is required");
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(Delimiters.SEGMENT, '~');
        factory.setProperty(Delimiters.DATA_ELEMENT, '*');
        factory.setProperty(Delimiters.COMPONENT_ELEMENT, ':');
        factory.setProperty(Delimiters.REPETITION, '^');
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EDIStreamWriter writer =
                factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name())) {
            writer.setControlSchema(controlSchema());
            new Writing(writer, interchange).interchange();
        } catch (EDIValidationException e) {
            throw new IllegalArgumentException(
                    "The interchange breaks X12 envelope rules: " + e.getMessage(), e);
        } catch (EDIStreamException e) {
            throw new IllegalStateException("The claim file could not be written", e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static Schema controlSchema() {
        try {
            return SchemaFactory.newFactory()
                    .getControlSchema(Standards.X12, new String[] {INTERCHANGE_VERSION});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("The X12 envelope schema could not be loaded", e);
        }
    }

    /** A composite element: components joined by the component separator. */
    private record Composite(List<String> components) {
        static Composite of(String... components) {
            return new Composite(List.of(components));
        }
    }

    /** The payer and subscriber that claims share a subscriber loop under. */
    private record Coverage(Party payer, Subscriber subscriber) {}

    /** One pass over an interchange, keeping the segment and hierarchy counts as it goes. */
    private static final class Writing {

        private final EDIStreamWriter writer;
        private final Interchange interchange;
        private final LocalDateTime createdAt;
        private int segmentsInTransaction;
        private int hierarchy;

        Writing(EDIStreamWriter writer, Interchange interchange) {
            this.writer = writer;
            this.interchange = interchange;
            this.createdAt = LocalDateTime.ofInstant(interchange.createdAt(), ZoneOffset.UTC);
        }

        void interchange() throws EDIStreamException {
            long control = interchange.controlNumber();
            String interchangeControl = "%09d".formatted(control);
            String groupControl = Long.toString(control);
            String transactionControl = "%04d".formatted(control);

            writer.startInterchange();
            segment(
                    "ISA",
                    "00",
                    " ".repeat(10),
                    "00",
                    " ".repeat(10),
                    "ZZ",
                    padded(interchange.submitter().id()),
                    "ZZ",
                    padded(interchange.receiver().id()),
                    createdAt.format(SHORT_DATE),
                    createdAt.format(TIME),
                    "^",
                    INTERCHANGE_VERSION,
                    interchangeControl,
                    "0",
                    interchange.production() ? "P" : "T",
                    ":");
            segment(
                    "GS",
                    "HC",
                    interchange.submitter().id(),
                    interchange.receiver().id(),
                    createdAt.format(DATE),
                    createdAt.format(TIME),
                    groupControl,
                    "X",
                    VERSION);
            transaction(transactionControl);
            segment("GE", "1", groupControl);
            segment("IEA", "1", interchangeControl);
            writer.endInterchange();
        }

        private void transaction(String control) throws EDIStreamException {
            segmentsInTransaction = 0;
            segment("ST", "837", control, VERSION);
            // BHT: 0019 information source, subscriber, dependent; 00 original; CH chargeable.
            segment(
                    "BHT",
                    "0019",
                    "00",
                    control,
                    createdAt.format(DATE),
                    createdAt.format(TIME),
                    "CH");
            submitterAndReceiver();
            int billingProvider = billingProvider();
            for (Map.Entry<Coverage, List<ProfessionalClaim>> coverage : byCoverage().entrySet()) {
                subscriber(billingProvider, coverage.getKey(), coverage.getValue());
            }
            segment("SE", Integer.toString(segmentsInTransaction + 1), control);
        }

        private void submitterAndReceiver() throws EDIStreamException {
            Party submitter = interchange.submitter();
            BillingProvider clinic = interchange.billingProvider();
            segment(
                    "NM1",
                    "41",
                    "2",
                    submitter.name(),
                    null,
                    null,
                    null,
                    null,
                    "46",
                    submitter.id());
            segment("PER", "IC", clinic.contactName(), "TE", clinic.phone());
            Party receiver = interchange.receiver();
            segment("NM1", "40", "2", receiver.name(), null, null, null, null, "46", receiver.id());
        }

        private int billingProvider() throws EDIStreamException {
            BillingProvider clinic = interchange.billingProvider();
            int id = ++hierarchy;
            segment("HL", Integer.toString(id), null, "20", "1");
            segment(
                    "NM1",
                    "85",
                    "2",
                    clinic.organizationName(),
                    null,
                    null,
                    null,
                    null,
                    "XX",
                    clinic.npi());
            address(clinic.address());
            segment("REF", "EI", clinic.ein());
            return id;
        }

        private Map<Coverage, List<ProfessionalClaim>> byCoverage() {
            Map<Coverage, List<ProfessionalClaim>> claims = new LinkedHashMap<>();
            for (ProfessionalClaim claim : interchange.claims()) {
                claims.computeIfAbsent(
                                new Coverage(claim.payer(), claim.subscriber()),
                                c -> new ArrayList<>())
                        .add(claim);
            }
            return claims;
        }

        private void subscriber(int parent, Coverage coverage, List<ProfessionalClaim> claims)
                throws EDIStreamException {
            Subscriber subscriber = coverage.subscriber();
            Person holder = subscriber.subscriber();
            int id = ++hierarchy;
            segment(
                    "HL",
                    Integer.toString(id),
                    Integer.toString(parent),
                    "22",
                    subscriber.self() ? "0" : "1");
            // SBR09: the payer's claim filing indicator; 18 in SBR02: the subscriber is the
            // patient.
            segment(
                    "SBR",
                    subscriber.primary() ? "P" : "S",
                    subscriber.self() ? "18" : null,
                    subscriber.groupNumber(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    subscriber.claimFilingIndicator());
            segment(
                    "NM1",
                    "IL",
                    "1",
                    holder.lastName(),
                    holder.firstName(),
                    null,
                    null,
                    null,
                    "MI",
                    subscriber.memberId());
            // 837P: the subscriber's address and demographics go only when they are the patient.
            if (subscriber.self()) {
                if (holder.address() != null) {
                    address(holder.address());
                }
                demographics(holder);
            }
            Party payer = coverage.payer();
            segment("NM1", "PR", "2", payer.name(), null, null, null, null, "PI", payer.id());
            if (subscriber.self()) {
                for (ProfessionalClaim claim : claims) {
                    claim(claim);
                }
                return;
            }
            Person patient = subscriber.patient();
            segment("HL", Integer.toString(++hierarchy), Integer.toString(id), "23", "0");
            segment("PAT", subscriber.patientRelationshipCode());
            segment("NM1", "QC", "1", patient.lastName(), patient.firstName());
            if (patient.address() != null) {
                address(patient.address());
            }
            demographics(patient);
            for (ProfessionalClaim claim : claims) {
                claim(claim);
            }
        }

        private void claim(ProfessionalClaim claim) throws EDIStreamException {
            // CLM05 B: place of service code; 1 original claim. CLM06-09: signature on file,
            // assigned, benefits assigned, release of information signed.
            segment(
                    "CLM",
                    claim.patientControlNumber(),
                    amount(claim.totalCharge()),
                    null,
                    null,
                    Composite.of(claim.placeOfService(), "B", "1"),
                    "Y",
                    "A",
                    "Y",
                    "Y");
            if (claim.authorizationNumber() != null) {
                segment("REF", "G1", claim.authorizationNumber());
            }
            diagnoses(claim.diagnoses());
            person("82", claim.rendering());
            if (claim.supervising() != null) {
                person("DQ", claim.supervising());
            }
            int number = 0;
            for (ProfessionalLine line : claim.lines()) {
                line(++number, line);
            }
        }

        private void diagnoses(List<String> codes) throws EDIStreamException {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                // ABK: the principal ICD-10-CM diagnosis, ABF: the others; X12 writes no dot.
                elements.add(Composite.of(i == 0 ? "ABK" : "ABF", codes.get(i).replace(".", "")));
            }
            segment("HI", elements.toArray());
        }

        private void person(String role, Provider provider) throws EDIStreamException {
            segment(
                    "NM1",
                    role,
                    "1",
                    provider.lastName(),
                    provider.firstName(),
                    null,
                    null,
                    null,
                    "XX",
                    provider.npi());
        }

        private void line(int number, ProfessionalLine line) throws EDIStreamException {
            segment("LX", Integer.toString(number));
            List<String> procedure = new ArrayList<>();
            procedure.add("HC");
            procedure.add(line.cpt());
            procedure.addAll(line.modifiers());
            List<String> pointers = line.diagnosisPointers().stream().map(String::valueOf).toList();
            segment(
                    "SV1",
                    new Composite(procedure),
                    amount(line.charge()),
                    "UN",
                    Integer.toString(line.units()),
                    null,
                    null,
                    new Composite(pointers));
            segment("DTP", "472", "D8", line.serviceDate().format(DATE));
        }

        private void address(Address address) throws EDIStreamException {
            segment("N3", address.line1());
            segment("N4", address.city(), address.state(), address.zip());
        }

        private void demographics(Person person) throws EDIStreamException {
            segment("DMG", "D8", person.dateOfBirth().format(DATE), person.gender());
        }

        private void segment(String tag, Object... elements) throws EDIStreamException {
            writer.writeStartSegment(tag);
            for (Object element : elements) {
                switch (element) {
                    case null -> writer.writeEmptyElement();
                    case String text -> writer.writeElement(FieldRules.x12(text));
                    case Composite composite -> {
                        writer.writeStartElement();
                        for (String component : composite.components()) {
                            writer.writeComponent(FieldRules.x12(component));
                        }
                        writer.endElement();
                    }
                    default ->
                            throw new IllegalStateException(
                                    "Not an X12 element: " + element.getClass());
                }
            }
            writer.writeEndSegment();
            segmentsInTransaction++;
        }

        private static String padded(String interchangeId) {
            return "%-15s".formatted(FieldRules.x12(interchangeId));
        }

        private static String amount(BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
    }
}
