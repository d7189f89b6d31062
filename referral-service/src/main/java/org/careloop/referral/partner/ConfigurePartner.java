package org.careloop.referral.partner;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.careloop.platform.problem.FreeText;

/** A partner as a supervisor sets it up: its name, the services it offers, how to reach it. */
public record ConfigurePartner(
        @FreeText @NotBlank @Size(max = 200) String name,
        @NotNull @Size(min = 1, max = 9) List<@NotNull ServiceType> services,
        @Valid Contact contact,
        Boolean electronic) {

    /** Whom staff call or write to about a referral. */
    public record Contact(
            @Size(max = 30)
                    @Pattern(
                            regexp = "\\+?[0-9 ()-]{3,30}",
                            message = "must be a phone number: digits, spaces, ( ) - and +")
                    String phone,
            @Size(max = 254) @Email String email) {}
}
