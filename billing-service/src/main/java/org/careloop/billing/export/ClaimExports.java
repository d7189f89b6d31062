package org.careloop.billing.export;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.careloop.billing.claim.ClaimBook;
import org.careloop.billing.claim.ClaimLine;
import org.careloop.billing.claim.ClaimRecord;
import org.careloop.billing.claim.Claims;
import org.careloop.billing.coverage.Coverage;
import org.careloop.billing.coverage.Coverages;
import org.careloop.billing.coverage.RecordCoverage;
import org.careloop.billing.payer.PayerDirectory;
import org.careloop.billing.payer.PayerRecord;
import org.careloop.billing.provider.RenderingProvider;
import org.careloop.billing.provider.RenderingProviders;
import org.careloop.billing.session.DeliveredSession;
import org.careloop.billing.session.DeliveredSessions;
import org.careloop.contracts.IntegrationEvent;
import org.careloop.contracts.access.RecordDisclosed;
import org.careloop.contracts.treatment.Diagnosis;
import org.careloop.platform.command.Commands;
import org.careloop.platform.command.Decision;
import org.careloop.platform.consent.ConsentCheck;
import org.careloop.platform.consent.Consents;
import org.careloop.platform.consent.Part2;
import org.careloop.platform.consent.Purpose;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.eventstore.StreamId;
import org.careloop.platform.problem.Refused;
import org.careloop.platform.projection.JsonColumns;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes the READY claims as one 837P interchange, keeps it as written and marks the claims
 * EXPORTED, all in the caller's transaction: a claim is in exactly one interchange.
 */
@ApplicationScoped
public class ClaimExports {

    private static final Logger LOG = Logger.getLogger(ClaimExports.class);

    static final int MAX_CLAIMS = 500;

    private final Commands commands;
    private final ClaimBook claims;
    private final Claims claimCommands;
    private final DeliveredSessions sessions;
    private final Coverages coverages;
    private final PayerDirectory payers;
    private final RenderingProviders providers;
    private final ClientDirectory clients;
    private final BillingOffice office;
    private final Consents consents;
    private final ZoneId clinicZone;
    private final String serviceName;
    private final Clock clock;

    ClaimExports(
            Commands commands,
            ClaimBook claims,
            Claims claimCommands,
            DeliveredSessions sessions,
            Coverages coverages,
            PayerDirectory payers,
            RenderingProviders providers,
            ClientDirectory clients,
            BillingOffice office,
            Consents consents,
            Clock clock,
            @ConfigProperty(name = "careloop.clinic.time-zone") ZoneId clinicZone,
            @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.commands = commands;
        this.claims = claims;
        this.claimCommands = claimCommands;
        this.sessions = sessions;
        this.coverages = coverages;
        this.payers = payers;
        this.providers = providers;
        this.clients = clients;
        this.office = office;
        this.consents = consents;
        this.clinicZone = clinicZone;
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /**
     * A READY claim as it goes out: its 837P claim, and its disclosure when it is a Part 2 record;
     * or why it cannot be written (a value the 837P does not admit), when {@code professional} is
     * null.
     */
    private record Outgoing(
            ClaimRecord claim,
            ProfessionalClaim professional,
            Disclosure disclosure,
            String unwritable) {}

    /** A Part 2 record going to a payer: the consent that permits it, or why none does. */
    private record Disclosure(UUID consentId, String refusal, String what) {}

    /**
     * Exports every READY claim; returns the export's id, null when none was READY. A claim that
     * would disclose a Part 2 record no consent permits any more (revoked or expired since it was
     * evaluated) is evaluated again, held, and left out.
     */
    public Uni<UUID> export(String by) {
        UUID exportId = UUID.randomUUID();
        Instant now = clock.instant();
        return claims.inStatus("READY", MAX_CLAIMS)
                .flatMap(
                        ready -> {
                            Uni<List<Outgoing>> prepared = Uni.createFrom().item(new ArrayList<>());
                            for (ClaimRecord claim : ready) {
                                prepared =
                                        prepared.flatMap(
                                                list ->
                                                        outgoing(claim)
                                                                .map(
                                                                        o -> {
                                                                            list.add(o);
                                                                            return list;
                                                                        }));
                            }
                            return prepared;
                        })
                .flatMap(
                        all -> {
                            Uni<Void> held = Uni.createFrom().voidItem();
                            List<Outgoing> going = new ArrayList<>();
                            List<ExportEvent.LeftOut> leftOut = new ArrayList<>();
                            for (Outgoing o : all) {
                                if (o.unwritable() != null) {
                                    leftOut.add(
                                            new ExportEvent.LeftOut(
                                                    o.claim().claimId, o.unwritable()));
                                } else if (o.disclosure() != null
                                        && o.disclosure().refusal() != null) {
                                    held =
                                            held.call(
                                                    () ->
                                                            claimCommands.sessionDocumented(
                                                                    o.claim().sessionId));
                                } else {
                                    going.add(o);
                                }
                            }
                            if (going.isEmpty()) {
                                // the holds commit; the caller answers that nothing went out
                                return held.replaceWith((UUID) null);
                            }
                            return held.flatMap(done -> nextControlNumber())
                                    .flatMap(
                                            control ->
                                                    write(
                                                            exportId, control, going, leftOut, now,
                                                            by))
                                    .replaceWith(exportId);
                        });
    }

    private Uni<Outgoing> outgoing(ClaimRecord claim) {
        return professional(claim)
                .onFailure(IllegalArgumentException.class)
                .recoverWithItem(
                        e -> {
                            LOG.warnf(
                                    "claim %s is left out of the 837P: %s",
                                    claim.claimId, e.getMessage());
                            return null;
                        })
                .flatMap(
                        professional -> {
                            if (professional == null) {
                                return Uni.createFrom()
                                        .item(
                                                new Outgoing(
                                                        claim,
                                                        null,
                                                        null,
                                                        "cannot be written as an 837P claim"));
                            }
                            if (!Part2.anyCode(professional.diagnoses())) {
                                return Uni.createFrom()
                                        .item(new Outgoing(claim, professional, null, null));
                            }
                            LocalDate today = LocalDate.ofInstant(clock.instant(), clinicZone);
                            String what =
                                    "Claim "
                                            + claim.claimId
                                            + " for the session of "
                                            + claim.serviceDate
                                            + " ("
                                            + String.join(
                                                    ", ",
                                                    claim.lines().stream()
                                                            .map(ClaimLine::cpt)
                                                            .toList())
                                            + ") with diagnoses "
                                            + String.join(", ", professional.diagnoses());
                            return consents.of(claim.clientId)
                                    .map(
                                            all ->
                                                    switch (ConsentCheck.check(
                                                            all,
                                                            Claims.recipient(claim.payerId),
                                                            Purpose.PAYMENT,
                                                            true,
                                                            today)) {
                                                        case ConsentCheck.Permitted p ->
                                                                new Outgoing(
                                                                        claim,
                                                                        professional,
                                                                        new Disclosure(
                                                                                p.consent()
                                                                                        .consentId(),
                                                                                null,
                                                                                what),
                                                                        null);
                                                        case ConsentCheck.Refused r ->
                                                                new Outgoing(
                                                                        claim,
                                                                        professional,
                                                                        new Disclosure(
                                                                                null,
                                                                                r.reason(),
                                                                                what),
                                                                        null);
                                                    });
                        });
    }

    private Uni<Void> write(
            UUID exportId,
            long control,
            List<Outgoing> going,
            List<ExportEvent.LeftOut> leftOut,
            Instant now,
            String by) {
        List<ClaimRecord> ready = going.stream().map(Outgoing::claim).toList();
        List<ProfessionalClaim> professional = going.stream().map(Outgoing::professional).toList();
        // Each Part 2 record sent is a line of the client's accounting of disclosures.
        List<IntegrationEvent> disclosed =
                going.stream()
                        .filter(o -> o.disclosure() != null)
                        .map(
                                o ->
                                        (IntegrationEvent)
                                                new RecordDisclosed(
                                                        o.claim().clientId,
                                                        UUID.randomUUID(),
                                                        Claims.recipient(o.claim().payerId),
                                                        Purpose.PAYMENT.name(),
                                                        true,
                                                        o.disclosure().consentId(),
                                                        o.disclosure().what(),
                                                        Part2.REDISCLOSURE_NOTICE,
                                                        now,
                                                        by,
                                                        serviceName))
                        .toList();
        BillingOffice.Provider provider = office.provider();
        Interchange interchange =
                new Interchange(
                        control,
                        now,
                        office.production(),
                        new Party(office.submitter().id(), office.submitter().name()),
                        new Party(office.receiver().id(), office.receiver().name()),
                        new BillingProvider(
                                provider.name(),
                                provider.npi(),
                                provider.taxId(),
                                new Address(
                                        provider.addressLine(),
                                        provider.city(),
                                        provider.state(),
                                        provider.postalCode()),
                                provider.contactName(),
                                provider.contactPhone()),
                        professional);
        String content = ProfessionalClaimFile.write(interchange);
        BigDecimal total =
                ready.stream()
                        .map(c -> c.totalCharge == null ? BigDecimal.ZERO : c.totalCharge)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        ExportEvent.Written event =
                new ExportEvent.Written(
                        exportId,
                        control,
                        ready.stream().map(c -> c.claimId).toList(),
                        total,
                        leftOut,
                        content,
                        now,
                        by);
        Uni<Void> chain =
                commands.handle(
                                StreamId.of(ExportEvent.STREAM, exportId),
                                ExportEvent.class,
                                history -> new Decision<>(List.of(event), disclosed),
                                by)
                        .replaceWithVoid();
        for (ClaimRecord claim : ready) {
            chain =
                    chain.call(
                            () ->
                                    claimCommands
                                            .exported(claim.claimId, exportId, control)
                                            .invoke(
                                                    marked -> {
                                                        if (!marked) {
                                                            throw Refused.conflict(
                                                                    "claim-changed",
                                                                    "claim "
                                                                            + claim.claimId
                                                                            + " changed while being exported: export again");
                                                        }
                                                    }));
        }
        return chain;
    }

    private Uni<ProfessionalClaim> professional(ClaimRecord claim) {
        return sessions.find(claim.sessionId)
                .flatMap(
                        session ->
                                clients.find(claim.clientId)
                                        .flatMap(
                                                client ->
                                                        coverages
                                                                .find(claim.clientId, claim.payerId)
                                                                .flatMap(
                                                                        coverage ->
                                                                                payers.find(
                                                                                                claim.payerId)
                                                                                        .flatMap(
                                                                                                payer ->
                                                                                                        providers
                                                                                                                .byUsername(
                                                                                                                        staff(
                                                                                                                                session))
                                                                                                                .map(
                                                                                                                        known ->
                                                                                                                                professional(
                                                                                                                                        claim,
                                                                                                                                        session,
                                                                                                                                        client,
                                                                                                                                        coverage,
                                                                                                                                        payer,
                                                                                                                                        known))))));
    }

    private static List<String> staff(DeliveredSession session) {
        return session.supervisingClinician == null
                ? List.of(session.renderingClinician)
                : List.of(session.renderingClinician, session.supervisingClinician);
    }

    private static ProfessionalClaim professional(
            ClaimRecord claim,
            DeliveredSession session,
            KnownClient client,
            Coverage coverage,
            PayerRecord payer,
            Map<String, RenderingProvider> known) {
        if (session == null || client == null || coverage == null || payer == null) {
            throw new IllegalArgumentException(
                    "its session, client, coverage or payer is no longer on record");
        }
        Person patient =
                new Person(client.firstName, client.lastName, client.dateOfBirth, "U", null);
        RecordCoverage.Subscriber holder = coverage.subscriber();
        Person subscriber =
                holder == null
                        ? patient
                        : new Person(
                                holder.firstName(),
                                holder.lastName(),
                                holder.dateOfBirth(),
                                holder.gender() == null ? "U" : holder.gender(),
                                holder.address() == null
                                        ? null
                                        : new Address(
                                                holder.address().line1(),
                                                holder.address().city(),
                                                holder.address().state(),
                                                holder.address().postalCode()));
        if ("SELF".equals(coverage.relationship)) {
            patient =
                    new Person(
                            patient.firstName(),
                            patient.lastName(),
                            patient.dateOfBirth(),
                            subscriber.gender(),
                            subscriber.address());
            subscriber = patient;
        }
        List<String> diagnoses =
                JsonColumns.read(session.diagnoses, new TypeReference<List<Diagnosis>>() {})
                        .stream()
                        .map(Diagnosis::code)
                        .toList();
        List<Integer> pointers =
                IntStream.rangeClosed(1, Math.min(4, diagnoses.size())).boxed().toList();
        List<ClaimLine> lines = claim.lines();
        List<ProfessionalLine> professional =
                lines.stream()
                        .map(
                                l ->
                                        new ProfessionalLine(
                                                l.cpt(),
                                                l.modifiers(),
                                                l.units(),
                                                l.charge(),
                                                claim.serviceDate,
                                                pointers))
                        .toList();
        boolean supervised =
                payer.rules().supervisedBilling() && session.supervisingClinician != null;
        return new ProfessionalClaim(
                patientControlNumber(claim.claimId),
                new Party(payer.payerId.toUpperCase(Locale.ROOT), payer.name),
                new Subscriber(
                        coverage.memberId,
                        coverage.groupNumber,
                        coverage.relationship,
                        subscriber,
                        patient,
                        "PRIMARY".equals(coverage.priority),
                        payer.rules().claimFilingIndicator()),
                lines.get(0).placeOfService(),
                claim.authorizationNumber,
                diagnoses,
                provider(known.get(session.renderingClinician)),
                supervised ? provider(known.get(session.supervisingClinician)) : null,
                professional);
    }

    /**
     * CLM01: the claim's id in 20 hexadecimal digits (80 bits of it), what payers echo back on the
     * remittance; the longest they keep.
     */
    static String patientControlNumber(UUID claimId) {
        return claimId.toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }

    /** A provider's name as X12 wants it, from the display name treatment credentialed. */
    private static Provider provider(RenderingProvider provider) {
        if (provider == null) {
            throw new IllegalArgumentException(
                    "a provider on the claim has no credential on record");
        }
        String name =
                provider.displayName == null
                        ? provider.username
                        : provider.displayName.split(",")[0];
        String[] parts = name.trim().split("\\s+");
        String last = parts[parts.length - 1];
        String first = parts.length > 1 ? parts[0] : null;
        return new Provider(provider.npi, first, last);
    }

    private Uni<Long> nextControlNumber() {
        return Panache.getSession()
                .flatMap(
                        session ->
                                session.createNativeQuery(
                                                "select nextval('claim_export_control_number')",
                                                Long.class)
                                        .getSingleResult());
    }
}
