package org.careloop.risk.oncall;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** A supervisor puts a clinician on call for one tier. */
public record ScheduleShift(
        @NotBlank
                @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a Keycloak username")
                String clinician,
        @NotNull
                @Pattern(
                        regexp = "PRIMARY|BACKUP|SUPERVISOR",
                        message = "must be PRIMARY, BACKUP or SUPERVISOR")
                String tier,
        @NotNull Instant startsAt,
        @NotNull Instant endsAt) {}
