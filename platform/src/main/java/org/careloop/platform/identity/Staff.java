package org.careloop.platform.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The clinic staff member behind the current request, as Keycloak identified them. */
@RequestScoped
public class Staff {

    private final SecurityIdentity identity;

    Staff(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The Keycloak username ({@code preferred_username}). */
    public String username() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }
}
