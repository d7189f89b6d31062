package org.careloop.billing.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The clinic as it bills: the billing provider of every claim, the submitter, and the clearinghouse
 * that receives the interchanges.
 */
@ConfigMapping(prefix = "careloop.billing")
public interface BillingOffice {

    Provider provider();

    Party submitter();

    Party receiver();

    /** ISA15: P for production interchanges, T for test ones. */
    @WithDefault("false")
    boolean production();

    interface Provider {
        String name();

        String npi();

        String taxId();

        String addressLine();

        String city();

        String state();

        String postalCode();

        String contactName();

        String contactPhone();
    }

    interface Party {
        String id();

        String name();
    }
}
