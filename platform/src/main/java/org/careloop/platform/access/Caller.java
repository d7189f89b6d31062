package org.careloop.platform.access;

import java.util.UUID;
import org.careloop.platform.audit.AuditEntry;

/**
 * What the access check decided about the current request: who asked, about which client (null when
 * the route names none), on what basis. Resources read it with {@link #of}.
 */
public record Caller(
        String username, boolean open, UUID clientId, Basis basis, AuditEntry.Purpose purpose) {

    static final String PROPERTY = "careloop.access.caller";

    /** The decision for this request, set by the access check before the resource runs. */
    public static Caller of(jakarta.ws.rs.container.ContainerRequestContext request) {
        return (Caller) request.getProperty(PROPERTY);
    }
}
