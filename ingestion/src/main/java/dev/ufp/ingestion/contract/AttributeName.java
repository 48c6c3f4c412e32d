package dev.ufp.ingestion.contract;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** A conversation attribute's name: matches {@link Limits#ATTRIBUTE_NAME}. Null is valid. */
@Documented
@Pattern(regexp = Limits.ATTRIBUTE_NAME, message = "attribute names must match {regexp}")
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface AttributeName {
    String message() default "invalid attribute name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
