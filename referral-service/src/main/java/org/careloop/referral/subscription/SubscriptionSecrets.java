package org.careloop.referral.subscription;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.careloop.platform.secret.SecretBox;
import org.jboss.logging.Logger;

/**
 * Keeps every subscription's secret sealed under the current key: at each start, before any
 * delivery, it seals again what an older key sealed (after a rotation), in one transaction. A value
 * it cannot open is left as it is and named in the log.
 */
@Singleton
public class SubscriptionSecrets {

    private static final Logger LOG = Logger.getLogger(SubscriptionSecrets.class);

    private final DataSource dataSource;
    private final SecretBox secrets;

    SubscriptionSecrets(DataSource dataSource, SecretBox secrets) {
        this.dataSource = dataSource;
        this.secrets = secrets;
    }

    void sealAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start)
            throws SQLException {
        int resealed = resealAll();
        if (resealed > 0) {
            LOG.infof(
                    "Sealed %d partner subscription secret(s) under secret key '%s'",
                    resealed, secrets.currentKeyId());
        }
    }

    /** Seals every stored secret not yet under the current key; returns how many changed. */
    public int resealAll() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int changed = 0;
            try (PreparedStatement select =
                            connection.prepareStatement(
                                    "select partner_id, secret from partner_subscription where secret not like ? for update");
                    PreparedStatement update =
                            connection.prepareStatement(
                                    "update partner_subscription set secret = ? where partner_id = ?")) {
                select.setString(1, secrets.currentKeyId() + ":%");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        try {
                            update.setString(1, secrets.reseal(rows.getString(2)));
                            update.setString(2, rows.getString(1));
                            changed += update.executeUpdate();
                        } catch (SecretBox.UnreadableSecret e) {
                            LOG.errorf(
                                    "The subscription secret of partner %s cannot be opened (%s):"
                                            + " its deliveries fail until the key it was sealed"
                                            + " under is configured again",
                                    rows.getString(1), e.getMessage());
                        }
                    }
                }
            }
            connection.commit();
            return changed;
        }
    }
}
