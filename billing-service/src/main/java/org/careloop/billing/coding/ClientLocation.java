package org.careloop.billing.coding;

/** Where the client was during the session. */
public enum ClientLocation {
    CLINIC,
    HOME,
    OTHER
}
