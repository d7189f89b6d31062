package org.careloop.platform.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.careloop.contracts.access.EmergencyAccessGranted;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.StoreProjection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The grants this service made, applied in the granting transaction so the caller's next request
 * here is let in at once; every other service learns of them from {@code access.events}.
 */
@ApplicationScoped
public class EmergencyGrants implements StoreProjection {

    private final String service;

    EmergencyGrants(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "emergency-grants";
    }

    @Override
    public String table() {
        return "access_emergency";
    }

    @Override
    public String streamType() {
        return EmergencyAccessEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return Relations.execute(
                "delete from access_emergency where service = :service",
                Map.of("service", service));
    }

    @Override
    public Uni<Void> apply(StoredEvent event) {
        if (event.decode(EmergencyAccessEvent.class)
                instanceof EmergencyAccessEvent.Granted granted) {
            return Relations.granted(published(granted, service));
        }
        return Uni.createFrom().voidItem();
    }

    static EmergencyAccessGranted published(EmergencyAccessEvent.Granted granted, String service) {
        return new EmergencyAccessGranted(
                granted.clientId(),
                granted.grantId(),
                granted.username(),
                granted.reason(),
                service,
                granted.grantedAt(),
                granted.expiresAt());
    }
}
