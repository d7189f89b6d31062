package org.careloop.platform.projection;

import io.smallrye.mutiny.Uni;
import org.careloop.platform.eventstore.StoredEvent;

/** A projection of the service's own event store, rebuilt from the streams of one type. */
public interface StoreProjection extends Projection {

    String streamType();

    Uni<Void> apply(StoredEvent event);
}
