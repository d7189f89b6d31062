package org.careloop.referral.fhir;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import org.careloop.platform.problem.Refused;
import org.careloop.referral.partner.PartnerDirectory;
import org.careloop.referral.partner.PartnerRecord;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The partner organization behind a request: its Keycloak client's token names it in the {@code
 * partner_id} claim, and it must be in the directory with the electronic interface.
 */
@RequestScoped
public class PartnerCaller {

    static final String CLAIM = "partner_id";

    private final SecurityIdentity identity;
    private final PartnerDirectory directory;

    PartnerCaller(SecurityIdentity identity, PartnerDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /** The caller's directory entry; a 403 when the token names none or not an electronic one. */
    public Uni<PartnerRecord> partner() {
        Object claim =
                identity.getPrincipal() instanceof JsonWebToken token
                        ? token.getClaim(CLAIM)
                        : null;
        String partnerId = claim == null ? null : claim.toString();
        if (partnerId == null || partnerId.isBlank()) {
            return Uni.createFrom()
                    .failure(
                            Refused.forbidden(
                                    "not-a-partner",
                                    "the token names no partner (claim " + CLAIM + ")"));
        }
        return directory
                .find(partnerId)
                .map(
                        partner -> {
                            if (partner == null || !partner.electronic) {
                                throw Refused.forbidden(
                                        "partner-not-electronic",
                                        "partner "
                                                + partnerId
                                                + " is not in the directory with the electronic"
                                                + " interface");
                            }
                            return partner;
                        });
    }
}
