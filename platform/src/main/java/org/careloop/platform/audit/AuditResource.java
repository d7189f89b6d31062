package org.careloop.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.careloop.platform.problem.Ids;
import org.careloop.platform.problem.InvalidCommand;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The privacy officer's view of this service's audit trail, and the check of its hash chain. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private static final int MOST = 1000;

    private final DataSource dataSource;
    private final String service;

    AuditResource(
            DataSource dataSource,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.service = service;
    }

    @GET
    @RolesAllowed("privacy")
    @Operation(
            summary =
                    "Audit records of this service, oldest first (at most 1000): for one client, one user,"
                            + " between two times (ISO instants or dates)")
    public List<AuditRecordView> query(
            @QueryParam("clientId") String clientId,
            @QueryParam("user") String user,
            @QueryParam("from") String from,
            @QueryParam("to") String to)
            throws SQLException {
        UUID client =
                clientId == null || clientId.isBlank() ? null : Ids.uuid("clientId", clientId);
        Instant since = instant("from", from, false);
        Instant until = instant("to", to, true);
        if (user != null && user.length() > 64) {
            throw new InvalidCommand("user", "must be a username of at most 64 characters");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement(
                                "select "
                                        + AuditRow.COLUMNS
                                        + " from audit_record where (cast(? as uuid) is null or client_id = ?)"
                                        + " and (cast(? as text) is null or username = ?)"
                                        + " and (cast(? as timestamptz) is null or recorded_at >= ?)"
                                        + " and (cast(? as timestamptz) is null or recorded_at < ?)"
                                        + " order by recorded_at, id limit ?")) {
            select.setObject(1, client);
            select.setObject(2, client);
            select.setString(3, user);
            select.setString(4, user);
            select.setTimestamp(5, since == null ? null : Timestamp.from(since));
            select.setTimestamp(6, since == null ? null : Timestamp.from(since));
            select.setTimestamp(7, until == null ? null : Timestamp.from(until));
            select.setTimestamp(8, until == null ? null : Timestamp.from(until));
            select.setInt(9, MOST);
            List<AuditRecordView> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    records.add(AuditRecordView.of(AuditRow.read(rows)));
                }
            }
            return records;
        }
    }

    @GET
    @Path("/verification")
    @RolesAllowed({"privacy", "admin"})
    @Operation(
            summary =
                    "Walks this service's audit chain and recomputes every hash: whether it is intact, or"
                            + " the first position where it breaks")
    public ChainVerification verify(@HeaderParam("X-Request-Id") String requestId)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return ChainVerification.of(service, connection, requestId);
        }
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidCommand(
                        field,
                        "must be an ISO instant (2026-12-01T09:00:00Z) or a date (2026-12-01)");
            }
        }
    }

    /** One audit record as the privacy officer reads it. */
    public record AuditRecordView(
            long id,
            Instant recordedAt,
            String service,
            String requestId,
            String user,
            List<String> roles,
            UUID clientId,
            String action,
            String method,
            String route,
            String path,
            String outcome,
            String basis,
            String purpose,
            Long chainPosition,
            String hash) {

        static AuditRecordView of(AuditRow row) {
            return new AuditRecordView(
                    row.id(),
                    row.recordedAt(),
                    row.service(),
                    row.requestId(),
                    row.username(),
                    row.roles().isEmpty() ? List.of() : List.of(row.roles().split(",")),
                    row.clientId(),
                    row.action(),
                    row.method(),
                    row.route(),
                    row.path(),
                    row.outcome(),
                    row.basis(),
                    row.purpose(),
                    row.chainPosition(),
                    row.hash());
        }
    }
}
