package org.careloop.platform.access;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * A path parameter naming something that belongs to one client (a plan, a session, an alert): the
 * access check reaches that client through it. A service declares one bean per such parameter.
 */
public interface ClientOwnedId {

    /** The path parameter, e.g. {@code planId}. */
    String parameter();

    /** The client the thing belongs to, or null when there is no such thing. */
    Uni<UUID> clientOf(UUID id);
}
