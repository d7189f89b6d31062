package org.careloop.platform.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Given a clinician on a client's care team, as this service would know it from treatment's
 * ClinicianAssigned: for service tests about something else than access, whose clinicians act on
 * their own clients. How the relation arrives from treatment is tested on its own.
 */
public final class CareTeamFixture {

    private CareTeamFixture() {}

    /** The same, in the service under test's own database. */
    public static void onCareTeam(UUID clientId, String... clinicians) {
        try {
            onCareTeam(
                    io.quarkus.arc.Arc.container().instance(DataSource.class).get(),
                    clientId,
                    clinicians);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void onCareTeam(DataSource db, UUID clientId, String... clinicians)
            throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert =
                        connection.prepareStatement(
                                "insert into access_care_team (client_id, clinician, role)"
                                        + " values (?, ?, 'ASSOCIATE') on conflict do nothing")) {
            for (String clinician : clinicians) {
                insert.setObject(1, clientId);
                insert.setString(2, clinician);
                insert.executeUpdate();
            }
        }
    }
}
