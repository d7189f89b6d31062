package org.careloop.billing.payer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/** The payers and their rules, projected from the payer streams. */
@ApplicationScoped
public class PayerDirectory implements StoreProjection {

    @Override
    public String name() {
        return "payers";
    }

    @Override
    public String table() {
        return "payer";
    }

    @Override
    public String streamType() {
        return PayerEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return PayerRecord.deleteAll().replaceWithVoid();
    }

    /** The payer, or null; in the caller's session. */
    public Uni<PayerRecord> find(String payerId) {
        return PayerRecord.findById(payerId);
    }

    public Uni<List<PayerRecord>> all() {
        return PayerRecord.list("order by name, payerId");
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        PayerEvent event = stored.decode(PayerEvent.class);
        return PayerRecord.<PayerRecord>findById(event.payerId())
                .flatMap(
                        found -> {
                            PayerRecord payer = found == null ? new PayerRecord() : found;
                            payer.payerId = event.payerId();
                            switch (event) {
                                case PayerEvent.Configured c -> {
                                    payer.name = c.name();
                                    payer.rules = JsonColumns.write(c.rules());
                                    payer.electronic = c.rules().electronic();
                                    payer.updatedAt = c.at();
                                    payer.updatedBy = c.by();
                                }
                            }
                            return found == null
                                    ? payer.persist().replaceWithVoid()
                                    : Uni.createFrom().voidItem();
                        });
    }
}
