package org.careloop.platform.access;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.stream.Collectors;
import org.careloop.platform.audit.AuditEntry;
import org.careloop.platform.audit.AuditTrail;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Audits a request its route's roles refused: that check runs before the access check, so the
 * refusal is recorded here, on its way out as a 403.
 */
@ApplicationScoped
public class RoleRefusals {

    private final CurrentIdentityAssociation identities;
    private final AuditTrail audit;
    private final Clock clock;
    private final String service;

    RoleRefusals(
            CurrentIdentityAssociation identities,
            AuditTrail audit,
            Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.identities = identities;
        this.audit = audit;
        this.clock = clock;
        this.service = service;
    }

    public Uni<Void> record(
            String method, UriInfo uri, String requestId, SimpleResourceInfo resource) {
        return identities
                .getDeferredIdentity()
                .flatMap(
                        identity -> {
                            if (identity.isAnonymous()) {
                                return Uni.createFrom().voidItem();
                            }
                            String clientId = uri.getPathParameters().getFirst("clientId");
                            UUID client = null;
                            try {
                                client = clientId == null ? null : UUID.fromString(clientId);
                            } catch (IllegalArgumentException e) {
                                // A malformed id names no client.
                            }
                            return audit.record(
                                    new AuditEntry(
                                            clock.instant().truncatedTo(ChronoUnit.MICROS),
                                            service,
                                            requestId,
                                            identity.getPrincipal().getName(),
                                            identity.getRoles().stream()
                                                    .filter(AccessCheck.CLINIC_ROLES::contains)
                                                    .sorted()
                                                    .collect(Collectors.joining(",")),
                                            client,
                                            AuditEntry.Action.of(method),
                                            method,
                                            resource == null
                                                    ? uri.getPath()
                                                    : AccessCheck.route(
                                                            resource.getResourceClass(),
                                                            resource.getMethodName(),
                                                            resource.parameterTypes()),
                                            uri.getPath(),
                                            AuditEntry.Outcome.REFUSED,
                                            "ROLE",
                                            AuditEntry.Purpose.TREATMENT));
                        });
    }
}
