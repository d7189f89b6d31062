package org.careloop.treatment.client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.careloop.contracts.EventCatalog;
import org.careloop.contracts.Upcasters;
import org.careloop.platform.testing.RetiredClientRegistered;

/**
 * In these tests the service reads through the catalogue's upcasters plus one retired version of
 * ClientRegistered.
 */
public class RetiredVersions {

    @Produces
    @Singleton
    Upcasters upcasters() {
        return EventCatalog.upcasters().with(new RetiredClientRegistered());
    }
}
