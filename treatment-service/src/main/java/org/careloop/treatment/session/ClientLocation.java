package org.careloop.treatment.session;

/** Where the client was during the session (billing derives the place of service from it). */
public enum ClientLocation {
    CLINIC,
    HOME,
    OTHER
}
