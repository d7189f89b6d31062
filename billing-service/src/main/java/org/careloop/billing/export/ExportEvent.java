package org.careloop.billing.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.careloop.contracts.EventType;

/** An 837P interchange written, kept as sent, in one stream per export. */
public sealed interface ExportEvent {

    String STREAM = "claim-export";

    UUID exportId();

    @EventType("billing.export.Written")
    record Written(
            UUID exportId,
            long controlNumber,
            List<UUID> claims,
            BigDecimal totalCharge,
            List<LeftOut> leftOut,
            String content,
            Instant at,
            String by)
            implements ExportEvent {}

    /** A READY claim the interchange could not carry, and why; it stays READY. */
    record LeftOut(UUID claimId, String reason) {}
}
