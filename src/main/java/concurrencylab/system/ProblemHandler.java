package concurrencylab.system;

import concurrencylab.experiment.AllowedRange;
import concurrencylab.experiment.Bounded;
import concurrencylab.experiment.JsonNames;
import concurrencylab.experiment.LabLimits;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Every error as RFC 9457 problem+json. Client mistakes get a 4xx whose {@code errors} name each bad field,
 * the rejected value and what is allowed; only the lab's own faults are 5xx.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final LabLimits limits;

    ProblemHandler(LabLimits limits) {
        this.limits = limits;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = ex.getFieldErrors().stream().map(this::fieldError).toList();
        return problem(ex, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, headers, request);
    }

    private Map<String, Object> fieldError(FieldError error) {
        String allowed = null;
        if (error.contains(ConstraintViolation.class)
                && error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAnnotation() instanceof Bounded b) {
            allowed = AllowedRange.of(b, limits).toString();
        }
        return error(error.getField(), error.getRejectedValue(), error.getDefaultMessage(), allowed);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(e -> errors.add(
                error(result.getMethodParameter().getParameterName(), result.getArgument(), e.getDefaultMessage(), null))));
        return problem(ex, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String allowed = type != null && type.isEnum() ? String.join(", ", JsonNames.allOf(type)) : null;
        String message = allowed != null ? "must be one of " + allowed
                : "must be a " + (type == null ? "valid value" : type.getSimpleName());
        var errors = List.of(error(field, ex.getValue(), message, allowed));
        return problem(ex, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (find(ex, RequestSizeLimitFilter.BodyTooLargeException.class) != null) {
            return problem(ex, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The body is larger than " + RequestSizeLimitFilter.MAX_BODY_BYTES + " bytes.", null, headers, request);
        }
        JacksonException json = find(ex, JacksonException.class);
        if (json == null) {
            return problem(ex, HttpStatus.BAD_REQUEST, "Unreadable request body",
                    "The body could not be read as JSON.", null, headers, request);
        }
        String field = fieldOf(json);
        Map<String, Object> error = switch (json) {
            case PropertyBindingException unknown -> error(field, null, "is not a parameter of this experiment",
                    unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
            case MismatchedInputException mismatch when mismatch.getTargetType() != null -> typeError(field, mismatch);
            case InputCoercionException coercion -> error(field, null, "is out of range for its type", null);
            default -> null;
        };
        if (field.isEmpty() && json instanceof MismatchedInputException) {
            return problem(ex, HttpStatus.BAD_REQUEST, "Invalid request body",
                    "The body must be a JSON object of the experiment's parameters, e.g. {} for every default.",
                    null, headers, request);
        }
        if (error == null || field.isEmpty()) {
            var location = json.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return problem(ex, HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "The body is not valid JSON" + where + ": " + json.getOriginalMessage(), null, headers, request);
        }
        var errors = List.of(error);
        return problem(ex, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, headers, request);
    }

    private static Map<String, Object> typeError(String field, MismatchedInputException mismatch) {
        Class<?> type = mismatch.getTargetType();
        Object value = mismatch instanceof tools.jackson.databind.exc.InvalidFormatException format ? format.getValue() : null;
        if (type.isEnum()) {
            String allowed = String.join(", ", JsonNames.allOf(type));
            return error(field, value, "must be one of " + allowed, allowed);
        }
        String expected = type == Integer.class || type == int.class || type == Long.class || type == long.class
                ? "a whole number" : Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class
                ? "a number" : type == Boolean.class || type == boolean.class ? "true or false" : "a " + type.getSimpleName();
        return error(field, value, "must be " + expected, null);
    }

    /** Anything not handled above is the lab's own fault: a 500 that says so, logged with its stack. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("unexpected error answering {}", request.getDescription(false), ex);
        return problem(ex, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The lab failed to answer this request; its log has the details.", null, new HttpHeaders(), request);
    }

    private ResponseEntity<Object> problem(Exception ex, HttpStatus status, String title, String detail,
            List<Map<String, Object>> errors, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static Map<String, Object> error(String field, Object rejected, String message, String allowed) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("rejectedValue", rejected);
        error.put("message", message);
        if (allowed != null) {
            error.put("allowed", allowed);
        }
        return error;
    }

    private static String describe(List<Map<String, Object>> errors) {
        return errors.stream().map(e -> e.get("field") + ": " + e.get("message") + (e.containsKey("allowed")
                ? " (allowed: " + e.get("allowed") + ")" : "")).collect(Collectors.joining("; "));
    }

    private static String fieldOf(JacksonException json) {
        return json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
