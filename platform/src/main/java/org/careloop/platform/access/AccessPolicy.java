package org.careloop.platform.access;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.careloop.platform.identity.Staff;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The clinic's access settings, as one service applies them. */
@ApplicationScoped
public class AccessPolicy {

    private final List<String> openRoles;
    private final Duration alertGrace;
    private final Duration emergencyDuration;

    AccessPolicy(
            @ConfigProperty(name = "careloop.access.open-roles", defaultValue = "admin")
                    List<String> openRoles,
            @ConfigProperty(name = "careloop.access.alert-grace", defaultValue = "PT12H")
                    Duration alertGrace,
            @ConfigProperty(name = "careloop.access.emergency-duration", defaultValue = "PT60M")
                    Duration emergencyDuration) {
        this.openRoles = List.copyOf(openRoles);
        this.alertGrace = alertGrace;
        this.emergencyDuration = emergencyDuration;
    }

    /**
     * Whether the caller's role reaches every client this service holds: its routes' roles are then
     * the only limit (an intake coordinator in intake, billing staff in billing).
     */
    public boolean open(SecurityIdentity caller) {
        return openRoles.stream().anyMatch(caller::hasRole);
    }

    /** The same, for the member of staff behind the current request. */
    public boolean open(Staff staff) {
        return openRoles.stream().anyMatch(staff::hasRole);
    }

    public Duration alertGrace() {
        return alertGrace;
    }

    public Duration emergencyDuration() {
        return emergencyDuration;
    }
}
