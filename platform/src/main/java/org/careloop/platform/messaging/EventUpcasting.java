package org.careloop.platform.messaging;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.careloop.contracts.EventCatalog;
import org.careloop.contracts.Upcasters;

/** The upcaster chain every consumer and every inbox rebuild reads through: the catalogue's own. */
public class EventUpcasting {

    @Produces
    @Singleton
    @DefaultBean
    Upcasters upcasters() {
        return EventCatalog.upcasters();
    }
}
