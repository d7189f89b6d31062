package org.careloop.platform.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Looks into a service's database the way an auditor would: counts and full dumps. */
public final class Rows {

    private Rows() {}

    public static long count(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Every row of a table as text, in key order, to compare a projection before and after a
     * rebuild.
     */
    public static String dump(DataSource db, String table, String orderBy) throws SQLException {
        return dump(db, table, "true", orderBy);
    }

    /** The rows of a table that {@code where} selects, e.g. one client's, as text in key order. */
    public static String dump(DataSource db, String table, String where, String orderBy)
            throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = db.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "select * from "
                                        + table
                                        + " where "
                                        + where
                                        + " order by "
                                        + orderBy)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    dump.append(rows.getString(i)).append('|');
                }
                dump.append('\n');
            }
        }
        return dump.toString();
    }
}
