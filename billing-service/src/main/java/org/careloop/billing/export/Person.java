package org.careloop.billing.export;

import java.time.LocalDate;
import java.util.Set;

/** A subscriber or patient: gender is M, F or U; the address may be null. */
public record Person(
        String firstName, String lastName, LocalDate dateOfBirth, String gender, Address address) {

    private static final Set<String> GENDERS = Set.of("M", "F", "U");

    public Person {
        firstName = FieldRules.text(firstName, "Person.firstName", 1, 35);
        lastName = FieldRules.text(lastName, "Person.lastName", 1, 60);
        FieldRules.required(dateOfBirth, "Person.dateOfBirth");
        if (!GENDERS.contains(gender)) {
            throw new IllegalArgumentException("Person.gender must be M, F or U");
        }
    }
}
