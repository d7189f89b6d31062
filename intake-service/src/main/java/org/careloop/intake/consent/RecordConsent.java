package org.careloop.intake.consent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.careloop.platform.consent.ConsentKind;
import org.careloop.platform.consent.Purpose;

/**
 * A consent the client gave, as intake records it. Only a DISCLOSURE consent names a recipient (a
 * partner's or payer's id), purposes and Part 2 coverage; {@code effectiveOn} defaults to today and
 * {@code expiresOn}, when given, is the first day the consent is no longer in force.
 */
public record RecordConsent(
        @NotNull ConsentKind kind,
        @Size(max = 100) String recipient,
        @Size(max = 3) List<@NotNull Purpose> purposes,
        Boolean coversPart2,
        LocalDate effectiveOn,
        LocalDate expiresOn) {}
