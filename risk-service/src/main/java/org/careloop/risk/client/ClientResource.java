package org.careloop.risk.client;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.directory.ClientDirectory;
import org.careloop.platform.directory.ClientSummary;
import org.careloop.risk.alert.AlertRecord;
import org.careloop.risk.alert.AlertResource.AlertView;
import org.careloop.risk.risklevel.RiskStatus;
import org.careloop.risk.safetyplan.SafetyPlanVersion;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client as risk knows them: who they are, their risk level and episode, their recent alerts. */
@Path("/clients")
@Tag(name = "Clients")
public class ClientResource {

    private final ClientDirectory directory;

    ClientResource(ClientDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/{clientId}")
    @RolesAllowed({"clinician", "supervisor", "oncall"})
    @Operation(
            summary =
                    "The client, their risk level and open episode, safety plan version and ten latest alerts; "
                            + "404 until intake's ClientRegistered has arrived")
    public Uni<ClientRisk> get(@PathParam("clientId") String clientId) {
        return directory
                .summary(clientId)
                .flatMap(
                        client ->
                                Panache.withSession(
                                        () ->
                                                RiskStatus.<RiskStatus>findById(client.clientId())
                                                        .flatMap(
                                                                status ->
                                                                        AlertRecord
                                                                                .<AlertRecord>find(
                                                                                        "clientId = ?1 order by raisedAt desc",
                                                                                        client
                                                                                                .clientId())
                                                                                .range(0, 9)
                                                                                .list()
                                                                                .flatMap(
                                                                                        alerts ->
                                                                                                SafetyPlanVersion
                                                                                                        .count(
                                                                                                                "clientId",
                                                                                                                client
                                                                                                                        .clientId())
                                                                                                        .map(
                                                                                                                planVersion ->
                                                                                                                        new ClientRisk(
                                                                                                                                client,
                                                                                                                                status
                                                                                                                                                == null
                                                                                                                                        ? "NONE"
                                                                                                                                        : status.level,
                                                                                                                                status
                                                                                                                                                == null
                                                                                                                                        ? null
                                                                                                                                        : status.episodeId,
                                                                                                                                status
                                                                                                                                                == null
                                                                                                                                        ? null
                                                                                                                                        : status.levelSince,
                                                                                                                                planVersion
                                                                                                                                                == 0
                                                                                                                                        ? null
                                                                                                                                        : planVersion
                                                                                                                                                .intValue(),
                                                                                                                                alerts
                                                                                                                                        .stream()
                                                                                                                                        .map(
                                                                                                                                                AlertView
                                                                                                                                                        ::of)
                                                                                                                                        .toList()))))));
    }

    /** The client's summary with their risk alongside. */
    public record ClientRisk(
            @JsonUnwrapped ClientSummary client,
            String riskLevel,
            UUID episodeId,
            Instant levelSince,
            Integer safetyPlanVersion,
            List<AlertView> recentAlerts) {}
}
