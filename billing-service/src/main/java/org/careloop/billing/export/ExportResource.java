package org.careloop.billing.export;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.Refused;
import org.careloop.platform.projection.JsonColumns;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 837P exports of READY claims. */
@Path("/claims/exports")
@Tag(name = "Claims")
public class ExportResource {

    /** The media type of an X12 interchange (RFC 1767). */
    static final String X12 = "application/edi-x12";

    private final ClaimExports exports;
    private final ExportBook book;
    private final Staff caller;

    ExportResource(ClaimExports exports, ExportBook book, Staff caller) {
        this.exports = exports;
        this.book = book;
        this.caller = caller;
    }

    /** An export without its file. */
    public record ExportSummary(
            UUID exportId,
            long controlNumber,
            int claims,
            BigDecimal totalCharge,
            List<ExportEvent.LeftOut> leftOut,
            Instant createdAt,
            String createdBy) {

        static ExportSummary of(ExportRecord r) {
            return new ExportSummary(
                    r.exportId,
                    r.controlNumber,
                    r.claimCount,
                    r.totalCharge,
                    JsonColumns.read(r.leftOut, new TypeReference<List<ExportEvent.LeftOut>>() {}),
                    r.createdAt,
                    r.createdBy);
        }
    }

    @POST
    @RolesAllowed("billing")
    @Operation(
            summary =
                    "Write every READY claim into one ANSI X12 837P (005010X222A1) interchange and mark them"
                            + " EXPORTED; a 409 when none is READY")
    public Uni<Response> export() {
        return Panache.withTransaction(() -> exports.export(caller.username()))
                .invoke(
                        id -> {
                            if (id == null) {
                                throw Refused.conflict(
                                        "no-ready-claims", "no claim is READY to export");
                            }
                        })
                .flatMap(id -> Panache.withSession(() -> book.find(id)))
                .map(
                        r ->
                                Response.created(URI.create("claims/exports/" + r.exportId))
                                        .entity(ExportSummary.of(r))
                                        .build());
    }

    @GET
    @RolesAllowed("billing")
    @Operation(summary = "The interchanges written, newest first")
    public Uni<List<ExportSummary>> list() {
        return Panache.withSession(book::all)
                .map(all -> all.stream().map(ExportSummary::of).toList());
    }

    @GET
    @Path("/{exportId}")
    @RolesAllowed("billing")
    @Produces(X12)
    @Operation(summary = "The 837P file as written")
    public Uni<String> file(@PathParam("exportId") String exportId) {
        UUID id = Ids.uuid("exportId", exportId);
        return Panache.withSession(() -> book.find(id))
                .map(
                        r -> {
                            if (r == null) {
                                throw Refused.notFound("export", "no export " + id);
                            }
                            return r.content;
                        });
    }
}
