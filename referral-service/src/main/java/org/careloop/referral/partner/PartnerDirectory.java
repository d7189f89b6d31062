package org.careloop.referral.partner;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/** The partners referrals go to, projected from the partner streams. */
@ApplicationScoped
public class PartnerDirectory implements StoreProjection {

    @Override
    public String name() {
        return "partners";
    }

    @Override
    public String table() {
        return "partner";
    }

    @Override
    public String streamType() {
        return PartnerEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return PartnerRecord.deleteAll().replaceWithVoid();
    }

    /** The partner, or null; in the caller's session. */
    public Uni<PartnerRecord> find(String partnerId) {
        return PartnerRecord.findById(partnerId);
    }

    public Uni<List<PartnerRecord>> all() {
        return PartnerRecord.list("order by name, partnerId");
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        PartnerEvent event = stored.decode(PartnerEvent.class);
        return PartnerRecord.<PartnerRecord>findById(event.partnerId())
                .flatMap(
                        found -> {
                            PartnerRecord partner = found == null ? new PartnerRecord() : found;
                            partner.partnerId = event.partnerId();
                            switch (event) {
                                case PartnerEvent.Configured c -> {
                                    partner.name = c.name();
                                    partner.services = JsonColumns.write(c.services());
                                    partner.phone = c.phone();
                                    partner.email = c.email();
                                    partner.electronic = c.electronic();
                                    partner.updatedAt = c.at();
                                    partner.updatedBy = c.by();
                                }
                            }
                            return found == null
                                    ? partner.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
