package org.careloop.risk.risklevel;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.careloop.contracts.RiskLevel;
import org.careloop.platform.access.ClientAccess;
import org.careloop.platform.directory.KnownClient;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The registry of clients at risk, a page at a time. */
@Path("/registry")
@Tag(name = "Risk")
public class RegistryResource {

    /** Stands for "no client" in a query's client list, which may not be empty. */
    private static final UUID NO_CLIENT = new UUID(0, 0);

    private final ClientAccess access;
    private final Staff staff;

    RegistryResource(ClientAccess access, Staff staff) {
        this.access = access;
        this.staff = staff;
    }

    @GET
    @RolesAllowed({"oncall", "clinician", "supervisor"})
    @Operation(
            summary =
                    "Clients you may see at or above a risk level, longest at that level first, at most 100 a page",
            description =
                    "`limit` is 1 to 100 (default 50); pass the answer's `next` as `cursor` for the next page. "
                            + "An entry names the client and their level; the client's details are at /clients/{clientId}.")
    public Uni<RegistryPage> registry(
            @QueryParam("minLevel") String minLevel,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        RiskLevel floor = level(minLevel == null ? "MODERATE" : minLevel);
        int size = RegistryCursor.limit(limit);
        RegistryCursor after =
                cursor == null || cursor.isEmpty() ? null : RegistryCursor.decode(cursor);
        return access.listableBy(staff)
                .flatMap(
                        listable ->
                                Panache.withSession(
                                        () ->
                                                page(floor, after, listable)
                                                        .range(0, size)
                                                        .list()
                                                        .flatMap(
                                                                rows -> {
                                                                    List<RiskStatus> shown =
                                                                            rows.subList(
                                                                                    0,
                                                                                    Math.min(
                                                                                            size,
                                                                                            rows
                                                                                                    .size()));
                                                                    String next =
                                                                            rows.size() > size
                                                                                    ? new RegistryCursor(
                                                                                                    shown
                                                                                                            .get(
                                                                                                                    size
                                                                                                                            - 1)
                                                                                                            .levelSince,
                                                                                                    shown
                                                                                                            .get(
                                                                                                                    size
                                                                                                                            - 1)
                                                                                                            .clientId)
                                                                                            .encode()
                                                                                    : null;
                                                                    List<UUID> ids =
                                                                            shown.stream()
                                                                                    .map(
                                                                                            r ->
                                                                                                    r.clientId)
                                                                                    .toList();
                                                                    if (ids.isEmpty()) {
                                                                        return Uni.createFrom()
                                                                                .item(
                                                                                        new RegistryPage(
                                                                                                List
                                                                                                        .of(),
                                                                                                null));
                                                                    }
                                                                    return KnownClient
                                                                            .<KnownClient>list(
                                                                                    "clientId in ?1",
                                                                                    ids)
                                                                            .map(
                                                                                    known ->
                                                                                            new RegistryPage(
                                                                                                    shown
                                                                                                            .stream()
                                                                                                            .map(
                                                                                                                    r ->
                                                                                                                            RegistryEntry
                                                                                                                                    .of(
                                                                                                                                            r,
                                                                                                                                            known
                                                                                                                                                    .stream()
                                                                                                                                                    .filter(
                                                                                                                                                            k ->
                                                                                                                                                                    k
                                                                                                                                                                            .clientId
                                                                                                                                                                            .equals(
                                                                                                                                                                                    r.clientId))
                                                                                                                                                    .findFirst()
                                                                                                                                                    .orElse(
                                                                                                                                                            null)))
                                                                                                            .toList(),
                                                                                                    next));
                                                                })));
    }

    /** One row more than the page, to know whether another follows. */
    /** A caller who may not see every client sees only those they have a relation to. */
    private static PanacheQuery<RiskStatus> page(
            RiskLevel floor, RegistryCursor after, Optional<Set<UUID>> listable) {
        boolean all = listable.isEmpty();
        List<UUID> clients =
                listable.map(List::copyOf).filter(ids -> !ids.isEmpty()).orElse(List.of(NO_CLIENT));
        if (after == null) {
            return RiskStatus.find(
                    "rank >= ?1 and (?2 = true or clientId in ?3) order by levelSince, clientId",
                    floor.ordinal(),
                    all,
                    clients);
        }
        return RiskStatus.find(
                "rank >= ?1 and (levelSince > ?2 or (levelSince = ?2 and clientId > ?3))"
                        + " and (?4 = true or clientId in ?5) order by levelSince, clientId",
                floor.ordinal(),
                after.levelSince(),
                after.clientId(),
                all,
                clients);
    }

    private static RiskLevel level(String name) {
        try {
            return RiskLevel.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidCommand("minLevel", "must be NONE, LOW, MODERATE or HIGH");
        }
    }

    /** A page of the registry, and the cursor of the next page (null on the last). */
    public record RegistryPage(List<RegistryEntry> entries, String next) {}

    /**
     * One line of the registry: who, at which level, since when. No phone, episode or clinical
     * reason: a list of every client at risk is the last place for them; whoever calls a client
     * opens the alert or the client.
     */
    public record RegistryEntry(UUID clientId, String name, String riskLevel, Instant levelSince) {

        static RegistryEntry of(RiskStatus status, KnownClient client) {
            return new RegistryEntry(
                    status.clientId,
                    client == null ? null : client.firstName + " " + client.lastName,
                    status.level,
                    status.levelSince);
        }
    }
}
