package dev.ufp.ingestion.contract;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Map;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * At most a configured number of attributes. The number is not an annotation value: the intake creates the
 * {@link Validator} with {@code feedback.ingest.max-attributes}; a validator created without one uses
 * {@link Limits#ATTRIBUTES_MAX}. Null is valid.
 */
@Documented
@Constraint(validatedBy = AttributeCount.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface AttributeCount {
    String message() default "too many attributes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AttributeCount, Map<?, ?>> {
        private final int max;

        public Validator() {
            this(Limits.ATTRIBUTES_MAX);
        }

        public Validator(int max) {
            this.max = max;
        }

        @Override
        public boolean isValid(Map<?, ?> value, ConstraintValidatorContext context) {
            return value == null || value.size() <= max;
        }
    }
}
