package org.careloop.billing.export;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.careloop.platform.eventstore.StoredEvent;
import org.careloop.platform.projection.JsonColumns;
import org.careloop.platform.projection.StoreProjection;

/** The interchanges written, projected from the export streams. */
@ApplicationScoped
public class ExportBook implements StoreProjection {

    @Override
    public String name() {
        return "claim-exports";
    }

    @Override
    public String table() {
        return "claim_export";
    }

    @Override
    public String streamType() {
        return ExportEvent.STREAM;
    }

    @Override
    public Uni<Void> reset() {
        return ExportRecord.deleteAll().replaceWithVoid();
    }

    public Uni<ExportRecord> find(UUID exportId) {
        return ExportRecord.findById(exportId);
    }

    public Uni<List<ExportRecord>> all() {
        return ExportRecord.list("order by controlNumber desc");
    }

    @Override
    public Uni<Void> apply(StoredEvent stored) {
        return switch (stored.decode(ExportEvent.class)) {
            case ExportEvent.Written w ->
                    ExportRecord.<ExportRecord>findById(w.exportId())
                            .flatMap(
                                    found -> {
                                        if (found != null) {
                                            return Uni.createFrom().voidItem();
                                        }
                                        ExportRecord record = new ExportRecord();
                                        record.exportId = w.exportId();
                                        record.controlNumber = w.controlNumber();
                                        record.claimCount = w.claims().size();
                                        record.totalCharge = w.totalCharge();
                                        record.content = w.content();
                                        record.leftOut = JsonColumns.write(w.leftOut());
                                        record.createdAt = w.at();
                                        record.createdBy = w.by();
                                        return record.persist().replaceWithVoid();
                                    });
        };
    }
}
