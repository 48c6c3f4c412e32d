package dev.ufp.ingestion.contract;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * An {@code occurredAt} inside the accepted window: not before the earliest instant, not after the validation
 * context's clock ({@code ClockProvider}) plus the allowed lead. The intake creates the {@link Validator} with
 * {@code feedback.ingest.occurred-at-*}; without them it uses the {@link Limits} defaults. Null is valid.
 */
@Documented
@Constraint(validatedBy = EventTime.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface EventTime {
    String message() default "must lie inside the accepted window";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EventTime, Instant> {
        private final Instant earliest;
        private final Duration maxAhead;

        public Validator() {
            this(Limits.OCCURRED_AT_EARLIEST, Limits.OCCURRED_AT_MAX_AHEAD);
        }

        public Validator(Instant earliest, Duration maxAhead) {
            this.earliest = earliest;
            this.maxAhead = maxAhead;
        }

        @Override
        public boolean isValid(Instant value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Instant latest = context.getClockProvider().getClock().instant().plus(maxAhead);
            return !value.isBefore(earliest) && !value.isAfter(latest);
        }
    }
}
