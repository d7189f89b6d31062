package org.careloop.platform.projection;

import io.smallrye.mutiny.Uni;
import org.careloop.platform.inbox.ReceivedEvent;

/** A projection of other services' events, rebuilt from the inbox history of its consumer. */
public interface InboxProjection extends Projection {

    String consumer();

    Uni<Void> apply(ReceivedEvent event);
}
