package org.careloop.referral.subscription;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.careloop.referral.partner.PartnerDirectory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues the announcement of a referral's change to its partner's subscription, in the caller's
 * transaction: the referral's events and the delivery commit together or not at all, and the
 * dispatcher sends it afterwards. A partner without a subscription, or no longer electronic, is
 * told nothing.
 */
@ApplicationScoped
public class Announcements {

    private final PartnerDirectory partners;
    private final Clock clock;
    private final URI publicUrl;
    private final String rootPath;

    Announcements(
            PartnerDirectory partners,
            Clock clock,
            @ConfigProperty(name = "careloop.public-url") URI publicUrl,
            @ConfigProperty(name = "quarkus.http.root-path") String rootPath) {
        this.partners = partners;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.rootPath = rootPath;
    }

    /** The referral was sent to the partner. */
    public Uni<Void> requested(UUID referralId, String partnerId, Instant at) {
        return announce(Announcement.REQUESTED, referralId, partnerId, at);
    }

    /** A sent referral was cancelled: the partner stops work on it. */
    public Uni<Void> cancelled(UUID referralId, String partnerId, Instant at) {
        return announce(Announcement.CANCELLED, referralId, partnerId, at);
    }

    private Uni<Void> announce(String type, UUID referralId, String partnerId, Instant at) {
        return PartnerSubscription.<PartnerSubscription>findById(partnerId)
                .flatMap(
                        subscription ->
                                subscription == null
                                        ? Uni.createFrom().nullItem()
                                        : partners.find(partnerId))
                .flatMap(
                        partner -> {
                            if (partner == null || !partner.electronic) {
                                return Uni.createFrom().voidItem();
                            }
                            PartnerDelivery delivery = new PartnerDelivery();
                            delivery.deliveryId = UUID.randomUUID();
                            delivery.partnerId = partnerId;
                            delivery.referralId = referralId;
                            delivery.type = type;
                            delivery.body =
                                    Announcement.of(
                                                    type,
                                                    referralId,
                                                    partnerId,
                                                    at,
                                                    publicUrl,
                                                    rootPath)
                                            .body();
                            delivery.createdAt = clock.instant();
                            delivery.nextAttemptAt = delivery.createdAt;
                            return delivery.persist().replaceWithVoid();
                        });
    }
}
