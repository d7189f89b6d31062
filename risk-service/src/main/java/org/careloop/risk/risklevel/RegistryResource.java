package org.careloop.risk.risklevel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The registry of clients at risk. */
@Path("/registry")
@Tag(name = "Risk")
public class RegistryResource {

    @GET
    @RolesAllowed({ "oncall", "clinician", "supervisor" })
    @Operation(summary = "Clients at or above a risk level, longest at that level first")
    public Uni<List<RegistryEntry>> registry(@QueryParam("minLevel") String minLevel) {
        RiskLevel floor = level(minLevel == null ? "MODERATE" : minLevel);
        return Panache.withSession(() -> RiskStatus.<RiskStatus>list("rank >= ?1 order by levelSince", floor.ordinal())
                .flatMap(rows -> {
                    List<UUID> ids = rows.stream().map(r -> r.clientId).toList();
                    return KnownClient.<KnownClient>list("clientId in ?1", ids).map(known -> rows.stream()
                            .map(r -> RegistryEntry.of(r, known.stream().filter(k -> k.clientId.equals(r.clientId))
                                    .findFirst().orElse(null)))
                            .toList());
                }));
    }

    private static RiskLevel level(String name) {
        try {
            return RiskLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand("minLevel", "must be NONE, LOW, MODERATE or HIGH");
        }
    }

    /** One line of the registry. */
    public record RegistryEntry(UUID clientId, String name, String phone, String riskLevel, UUID episodeId,
            Instant levelSince, String reason) {

        static RegistryEntry of(RiskStatus status, KnownClient client) {
            return new RegistryEntry(status.clientId, client == null ? null : client.firstName + " " + client.lastName,
                    client == null ? null : client.phone, status.level, status.episodeId, status.levelSince,
                    status.reason);
        }
    }
}
