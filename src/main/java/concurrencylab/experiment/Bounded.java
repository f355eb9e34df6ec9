package concurrencylab.experiment;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An experiment parameter's allowed range: a fixed minimum, and either a fixed maximum or a configured one
 * ({@link Limit}). One annotation feeds validation, the catalog and the OpenAPI schema, so the three agree.
 * A null value is valid: it means "use the default".
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@Constraint(validatedBy = BoundedValidator.class)
public @interface Bounded {

    double min();

    /** A fixed maximum; leave unset to use {@link #limit()}. */
    double max() default Double.NaN;

    /** A configured maximum, used when {@link #max()} is unset. */
    Limit limit() default Limit.NONE;

    String message() default "out of range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
