package org.careloop.contracts.billing;

/** A service an authorization covers: its CPT code and the units approved for it. */
public record AuthorizedService(String cpt, int units) {}
