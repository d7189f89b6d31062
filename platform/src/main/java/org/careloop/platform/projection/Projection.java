package org.careloop.platform.projection;

import io.smallrye.mutiny.Uni;

/** A read model that can be dropped and rebuilt from history. */
public interface Projection {

    /** The name used on the admin endpoint, e.g. {@code clients}. */
    String name();

    /**
     * The table the read model lives in: a rebuild locks it, so only this read model's users wait
     * meanwhile.
     */
    String table();

    /** Empties the read model; called inside the rebuild's transaction. */
    Uni<Void> reset();
}
