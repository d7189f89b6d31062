package org.careloop.intake.client;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A phone number a clinician can dial: international ({@code +1 555 0100}) or national, 7 to 15
 * digits (E.164 allows at most 15), with spaces, dots, dashes or brackets between them, and not all
 * zeros.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
    ElementType.FIELD,
    ElementType.PARAMETER,
    ElementType.METHOD,
    ElementType.RECORD_COMPONENT
})
@Constraint(validatedBy = PhoneNumber.Rule.class)
public @interface PhoneNumber {

    String message() default "must be a phone number of 7 to 15 digits, e.g. +1 555 0100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the shape, then counts the digits. */
    class Rule implements ConstraintValidator<PhoneNumber, String> {

        private static final Pattern SHAPE = Pattern.compile("\\+?[0-9(][0-9 ()./-]*[0-9]");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            if (!SHAPE.matcher(value.strip()).matches()) {
                return false;
            }
            String digits = value.replaceAll("[^0-9]", "");
            return digits.length() >= 7 && digits.length() <= 15 && !digits.matches("0+");
        }
    }
}
