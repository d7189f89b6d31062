package org.careloop.platform.access;

import java.util.UUID;
import org.careloop.platform.audit.AuditEntry;

/**
 * What the access check decided about a request: who asked, about which client (null when the route
 * names none), on what basis and for what purpose; what its audit record says.
 */
record Caller(String username, UUID clientId, Basis basis, AuditEntry.Purpose purpose) {}
