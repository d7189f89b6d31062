package org.careloop.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The result of walking a service's audit chain: intact, or the first position where a record's
 * hash, its link to the previous one, or the run of positions does not hold. Records not chained
 * yet are counted, not judged; the record of the request asking (written as it arrived) is not
 * among them, so a chain that has caught up reads as such.
 */
public record ChainVerification(
        String service,
        boolean intact,
        long chained,
        long pending,
        Long brokenAt,
        Long recordId,
        String problem) {

    static ChainVerification of(String service, Connection connection, String ownRequestId)
            throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1000);
            long expected = 0;
            String previous = ChainLink.GENESIS;
            try (ResultSet rows =
                    statement.executeQuery(
                            "select "
                                    + AuditRow.COLUMNS
                                    + " from audit_record where chain_position is not null order by chain_position")) {
                while (rows.next()) {
                    AuditRow row = AuditRow.read(rows);
                    expected++;
                    String problem = null;
                    if (row.chainPosition() != expected) {
                        problem = "position " + expected + " is missing";
                    } else if (!previous.equals(row.previousHash())) {
                        problem = "the link to the previous record does not match";
                    } else if (!ChainLink.hash(previous, expected, row).equals(row.hash())) {
                        problem = "the record's content does not match its hash";
                    }
                    if (problem != null) {
                        connection.rollback();
                        return new ChainVerification(
                                service,
                                false,
                                expected - 1,
                                pending(connection, ownRequestId),
                                expected,
                                row.id(),
                                problem);
                    }
                    previous = row.hash();
                }
            }
            long pending = pending(connection, ownRequestId);
            connection.rollback();
            return new ChainVerification(service, true, expected, pending, null, null, null);
        }
    }

    private static long pending(Connection connection, String ownRequestId) throws SQLException {
        try (PreparedStatement count =
                connection.prepareStatement(
                        "select count(*) from audit_record where chain_position is null"
                                + " and request_id is distinct from ?")) {
            count.setString(1, ownRequestId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
