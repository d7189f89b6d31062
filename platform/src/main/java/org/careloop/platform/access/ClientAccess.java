package org.careloop.platform.access;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.careloop.platform.identity.Staff;

/**
 * Whether a member of staff may reach a client, from the relations this service keeps: on the care
 * team, supervising someone on it, addressed by an open crisis alert about the client (or within
 * its grace period), holding an unexpired emergency grant, or with work of their own about the
 * client under way in this service ({@link OwnWork}).
 */
@ApplicationScoped
public class ClientAccess {

    private static final String RELATIONS =
            """
            select 'CARE_TEAM' as basis, 1 as rank, client_id from access_care_team where clinician = $1
            union all
            select 'SUPERVISION', 2, t.client_id from access_care_team t
              join access_supervision s on s.username = t.clinician where s.supervisor = $1
            union all
            select 'ALERT', 3, client_id from access_alert
              where username = $1 and (closes_at is null or closes_at > $2)
            union all
            select 'EMERGENCY', 4, client_id from access_emergency where username = $1 and expires_at > $2
            """;

    private final Pool pool;
    private final Clock clock;
    private final AccessPolicy policy;
    private final String relations;

    ClientAccess(Pool pool, Clock clock, AccessPolicy policy, Instance<OwnWork> ownWork) {
        this.pool = pool;
        this.clock = clock;
        this.policy = policy;
        StringBuilder relations = new StringBuilder(RELATIONS);
        for (OwnWork work : ownWork) {
            relations
                    .append("union all\nselect 'OWN_WORK', 5, client_id from (")
                    .append(work.clientsOf())
                    .append(") w\n");
        }
        this.relations = relations.toString();
    }

    /**
     * The clients a list or search may show the member of staff: empty when their role reaches
     * every client here, else exactly the clients they have a relation to.
     */
    public Uni<Optional<Set<UUID>>> listableBy(Staff staff) {
        if (policy.open(staff)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return reachable(staff.username()).map(Optional::of);
    }

    /** The strongest basis on which {@code username} reaches the client, or {@link Basis#NONE}. */
    public Uni<Basis> basis(String username, UUID clientId) {
        return pool.preparedQuery(
                        "select basis from ("
                                + relations
                                + ") r where client_id = $3 order by rank limit 1")
                .execute(Tuple.of(username, now(), clientId))
                .map(
                        rows ->
                                rows.iterator().hasNext()
                                        ? Basis.valueOf(rows.iterator().next().getString(0))
                                        : Basis.NONE);
    }

    /** Every client {@code username} reaches now, for filtering lists and searches. */
    public Uni<Set<UUID>> reachable(String username) {
        return pool.preparedQuery("select distinct client_id from (" + relations + ") r")
                .execute(Tuple.of(username, now()))
                .map(
                        rows -> {
                            Set<UUID> clients = new HashSet<>();
                            for (Row row : rows) {
                                clients.add(row.getUUID(0));
                            }
                            return clients;
                        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
