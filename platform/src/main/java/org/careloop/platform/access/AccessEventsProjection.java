package org.careloop.platform.access;

import org.careloop.platform.projection.InboxProjection;

/** A service's own read model of {@code access.events} (disclosures, grants to review). */
public interface AccessEventsProjection extends InboxProjection {}
