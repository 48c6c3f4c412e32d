package dev.ufp.ingestion.contract;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * Free text every store can hold: no NUL (U+0000, which PostgreSQL text columns refuse) and no unpaired surrogate
 * (no UTF-8 form; encoders replace it silently). Tabs and line breaks stay allowed. Null is valid.
 */
@Documented
@Constraint(validatedBy = StorableText.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface StorableText {
    String message() default "must not contain NUL (U+0000) or unpaired surrogates";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What the rule allows, as quoted in rejections. */
    String LIMIT = "no NUL (U+0000), no unpaired surrogates";

    class Validator implements ConstraintValidator<StorableText, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || valid(value);
        }

        static boolean valid(CharSequence value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\u0000') {
                    return false;
                }
                if (Character.isSurrogate(c)) {
                    if (Character.isLowSurrogate(c) || i + 1 == value.length()
                            || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
            }
            return true;
        }
    }
}
