package org.careloop.treatment.plan;

/** Who signs a plan version: its author, the client, and the author's supervisor. */
public enum SignerRole {
    AUTHOR,
    CLIENT,
    SUPERVISOR
}
