package org.careloop.billing.coding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.careloop.billing.payer.PayerDirectory;
import org.careloop.billing.payer.PayerRules;
import org.careloop.billing.payer.Payers;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Coding preview: the very rules that code real sessions, applied to a session described. */
@Path("/coding/preview")
@Tag(name = "Coding")
public class CodingPreviewResource {

    private final PayerDirectory payers;

    CodingPreviewResource(PayerDirectory payers) {
        this.payers = payers;
    }

    @POST
    @RolesAllowed({"billing", "supervisor", "clinician"})
    @Operation(
            summary =
                    "How a session would be coded for a payer: CPT lines with units, modifiers, place of service"
                            + " and charge, and what would hold the claim (BELOW_MINIMUM_TIME, NO_FEE)")
    public Uni<CodingPreview> preview(
            @NotNull(message = "a JSON body is required") @Valid PreviewCoding command) {
        String payerId = Payers.payerId("payerId", command.payerId());
        return Panache.withSession(() -> payers.find(payerId))
                .map(
                        payer -> {
                            if (payer == null) {
                                throw new InvalidCommand("payerId", "no payer " + payerId);
                            }
                            PayerRules rules = payer.rules();
                            Coding coding =
                                    Coder.code(
                                            new CodingRequest(
                                                    command.type(),
                                                    command.minutes(),
                                                    command.modality(),
                                                    command.clientLocation(),
                                                    Boolean.TRUE.equals(
                                                            command.interactiveComplexity())),
                                            new TelehealthModifiers(
                                                    rules.videoModifier(),
                                                    rules.audioOnlyModifier()));
                            List<String> holds = new ArrayList<>();
                            coding.holds().forEach(h -> holds.add(h.name()));
                            List<CodingPreview.Line> lines = new ArrayList<>();
                            for (ServiceLine line : coding.lines()) {
                                BigDecimal fee = rules.fee(line.cpt()).orElse(null);
                                if (fee == null && !holds.contains("NO_FEE")) {
                                    holds.add("NO_FEE");
                                }
                                lines.add(
                                        new CodingPreview.Line(
                                                line.cpt(),
                                                line.units(),
                                                line.modifiers(),
                                                line.placeOfService(),
                                                fee == null
                                                        ? null
                                                        : fee.multiply(
                                                                BigDecimal.valueOf(line.units())),
                                                rules.requiresAuthorization(line.cpt())));
                            }
                            return new CodingPreview(lines, holds);
                        });
    }
}
