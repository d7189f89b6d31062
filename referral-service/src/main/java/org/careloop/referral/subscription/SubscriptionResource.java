package org.careloop.referral.subscription;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.careloop.platform.identity.Staff;
import org.careloop.platform.problem.Refused;
import org.careloop.platform.secret.SecretBox;
import org.careloop.referral.partner.PartnerDirectory;
import org.careloop.referral.partner.Partners;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An electronic partner's subscription: each referral sent to it, and each cancellation, is POSTed
 * to its URL signed with its secret.
 */
@Path("/partners/{partnerId}/subscription")
@Tag(name = "Partner subscriptions")
public class SubscriptionResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerDirectory partners;
    private final SubscriptionAddresses addresses;
    private final SecretBox secrets;
    private final Clock clock;
    private final Vertx vertx;
    private final Staff caller;

    SubscriptionResource(
            PartnerDirectory partners,
            SubscriptionAddresses addresses,
            SecretBox secrets,
            Clock clock,
            Vertx vertx,
            Staff caller) {
        this.partners = partners;
        this.addresses = addresses;
        this.secrets = secrets;
        this.clock = clock;
        this.vertx = vertx;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "Subscribe an electronic partner (201, or 200 when replacing its subscription): the"
                            + " answer shows the new signing secret, once; 409 when the partner is not"
                            + " electronic")
    public Uni<Response> subscribe(
            @PathParam("partnerId") String partnerId,
            @NotNull(message = "a JSON body is required") @Valid Subscribe request) {
        String id = Partners.partnerId("partnerId", partnerId);
        String username = caller.username();
        // Resolving the host may block on DNS: off the event loop, back on this request's context
        // for the transaction.
        return vertx.executeBlocking(
                        Uni.createFrom().item(() -> addresses.admitted("url", request.url())))
                .flatMap(
                        url -> {
                            String secret = newSecret();
                            return Panache.withTransaction(
                                            () ->
                                                    electronic(id)
                                                            .flatMap(
                                                                    ignored ->
                                                                            store(
                                                                                    id, url, secret,
                                                                                    username)))
                                    .map(
                                            created ->
                                                    Response.status(
                                                                    created
                                                                            ? Response.Status
                                                                                    .CREATED
                                                                            : Response.Status.OK)
                                                            .entity(
                                                                    new NewSubscription(
                                                                            id, url, true, secret))
                                                            .build());
                        });
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "The partner's subscription: its URL and whether it is active (the partner is"
                            + " electronic); never the secret")
    public Uni<SubscriptionView> get(@PathParam("partnerId") String partnerId) {
        String id = Partners.partnerId("partnerId", partnerId);
        return Panache.withSession(
                () ->
                        PartnerSubscription.<PartnerSubscription>findById(id)
                                .flatMap(
                                        subscription -> {
                                            if (subscription == null) {
                                                throw Refused.notFound(
                                                        "subscription",
                                                        "partner " + id + " has no subscription");
                                            }
                                            return partners.find(id)
                                                    .map(
                                                            partner ->
                                                                    new SubscriptionView(
                                                                            id,
                                                                            subscription.url,
                                                                            partner != null
                                                                                    && partner.electronic,
                                                                            subscription.updatedAt,
                                                                            subscription
                                                                                    .updatedBy));
                                        }));
    }

    @DELETE
    @RolesAllowed({"supervisor", "admin"})
    @Operation(
            summary =
                    "End the partner's subscription (204): nothing more is sent to it, what was"
                            + " waiting included; 404 when it has none")
    public Uni<Response> remove(@PathParam("partnerId") String partnerId) {
        String id = Partners.partnerId("partnerId", partnerId);
        return Panache.withTransaction(
                () ->
                        PartnerSubscription.delete("partnerId", id)
                                .flatMap(
                                        deleted -> {
                                            if (deleted == 0) {
                                                throw Refused.notFound(
                                                        "subscription",
                                                        "partner " + id + " has no subscription");
                                            }
                                            return PartnerDelivery.delete(
                                                    "partnerId = ?1 and deliveredAt is null", id);
                                        })
                                .replaceWith(Response.noContent().build()));
    }

    private Uni<Void> electronic(String partnerId) {
        return partners.find(partnerId)
                .invoke(
                        partner -> {
                            if (partner == null) {
                                throw Refused.notFound("partner", "no partner " + partnerId);
                            }
                            if (!partner.electronic) {
                                throw Refused.conflict(
                                        "partner-not-electronic",
                                        "partner "
                                                + partnerId
                                                + " has no electronic referral interface: it is"
                                                + " reached by phone or fax, not announced to");
                            }
                        })
                .replaceWithVoid();
    }

    /** Stores the subscription under a new secret; true when the partner had none. */
    private Uni<Boolean> store(String partnerId, String url, String secret, String by) {
        Instant now = clock.instant();
        return PartnerSubscription.<PartnerSubscription>findById(partnerId)
                .flatMap(
                        found -> {
                            PartnerSubscription subscription =
                                    found == null ? new PartnerSubscription() : found;
                            subscription.partnerId = partnerId;
                            subscription.url = url;
                            subscription.secret = secrets.seal(secret);
                            if (found == null) {
                                subscription.createdAt = now;
                            }
                            subscription.updatedAt = now;
                            subscription.updatedBy = by;
                            return found == null
                                    ? subscription.persist().replaceWith(true)
                                    : Uni.createFrom().item(false);
                        });
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Where to announce the partner's referrals (see the platform's outbound address rule). */
    public record Subscribe(
            @NotBlank @Size(max = 2000, message = "must be at most 2000 characters") String url) {}

    /** The subscription as set, with the secret that signs its announcements: shown this once. */
    public record NewSubscription(String partnerId, String url, boolean active, String secret) {}

    /** The subscription as shown afterwards: no secret. */
    public record SubscriptionView(
            String partnerId, String url, boolean active, Instant updatedAt, String updatedBy) {}
}
