package org.careloop.billing.coverage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.careloop.platform.problem.FreeText;

/**
 * A client's insurance with one payer, as on the card: member id, group, the subscriber and the
 * client's relationship to them, the dates it is in effect and whether it is billed first.
 */
public record RecordCoverage(
        @NotBlank
                @Size(max = 80)
                @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be letters, digits and dashes")
                String memberId,
        @Size(max = 50)
                @Pattern(regexp = "[A-Za-z0-9-]*", message = "must be letters, digits and dashes")
                String groupNumber,
        @NotNull Relationship relationship,
        @Valid Subscriber subscriber,
        @NotNull Priority priority,
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveTo) {

    /** The client's relationship to the subscriber (X12 individual relationship codes). */
    public enum Relationship {
        SELF,
        SPOUSE,
        CHILD,
        OTHER
    }

    public enum Priority {
        PRIMARY,
        SECONDARY
    }

    /** The policy holder when it is not the client, with the address the payer has for them. */
    public record Subscriber(
            @FreeText @NotBlank @Size(max = 60) String firstName,
            @FreeText @NotBlank @Size(max = 60) String lastName,
            @NotNull LocalDate dateOfBirth,
            @Pattern(regexp = "[MFU]", message = "must be M, F or U") String gender,
            @Valid Address address) {}

    public record Address(
            @FreeText @NotBlank @Size(max = 55) String line1,
            @FreeText @NotBlank @Size(max = 30) String city,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code")
                    String state,
            @NotBlank
                    @Pattern(
                            regexp = "[0-9]{5}([0-9]{4})?",
                            message = "must be a 5 or 9 digit ZIP code")
                    String postalCode) {}
}
