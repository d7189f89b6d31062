package org.careloop.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** An audit record as stored, with its place in the chain once it has one. */
public record AuditRow(
        long id,
        Instant recordedAt,
        String service,
        String requestId,
        String username,
        String roles,
        UUID clientId,
        String action,
        String method,
        String route,
        String path,
        String outcome,
        String basis,
        String purpose,
        Long chainPosition,
        String previousHash,
        String hash) {

    static final String COLUMNS =
            "id, recorded_at, service, request_id, username, roles, client_id, action, method, route, path,"
                    + " outcome, basis, purpose, chain_position, previous_hash, hash";

    static AuditRow read(ResultSet row) throws SQLException {
        return new AuditRow(
                row.getLong("id"),
                row.getTimestamp("recorded_at").toInstant(),
                row.getString("service"),
                row.getString("request_id"),
                row.getString("username"),
                row.getString("roles"),
                row.getObject("client_id", UUID.class),
                row.getString("action"),
                row.getString("method"),
                row.getString("route"),
                row.getString("path"),
                row.getString("outcome"),
                row.getString("basis"),
                row.getString("purpose"),
                row.getObject("chain_position", Long.class),
                row.getString("previous_hash"),
                row.getString("hash"));
    }

    AuditRow chained(long position, String previous, String hash) {
        return new AuditRow(
                id,
                recordedAt,
                service,
                requestId,
                username,
                roles,
                clientId,
                action,
                method,
                route,
                path,
                outcome,
                basis,
                purpose,
                position,
                previous,
                hash);
    }
}
