package concurrencylab.experiment;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a {@link Bounded} number; Spring's validator factory injects the limits. */
class BoundedValidator implements ConstraintValidator<Bounded, Number> {

    private final LabLimits limits;
    private AllowedRange range;

    BoundedValidator(LabLimits limits) {
        this.limits = limits;
    }

    @Override
    public void initialize(Bounded bounded) {
        range = AllowedRange.of(bounded, limits);
    }

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
        if (value == null || range.contains(value.doubleValue())) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must be between " + AllowedRange.format(range.min()) + " and " + AllowedRange.format(range.max()))
                .addConstraintViolation();
        return false;
    }
}
