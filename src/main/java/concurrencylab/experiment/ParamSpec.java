package concurrencylab.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * One parameter of an experiment as the catalog shows it.
 *
 * @param name          the JSON field
 * @param type          integer, number, boolean or string
 * @param defaultValue  the value used when the field is absent or null
 * @param min           smallest allowed value, for numbers
 * @param max           largest allowed value, for numbers (a configured limit where there is one)
 * @param allowedValues the values a string field accepts
 * @param description   what it means
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParamSpec(String name, String type, @JsonProperty("default") Object defaultValue, Double min, Double max,
        List<String> allowedValues, String description) {

    static ParamSpec of(RecordComponent component, Record defaults, LabLimits limits) {
        Class<?> javaType = component.getType();
        Object defaultValue = read(component, defaults);
        Double min = null;
        Double max = null;
        Bounded bounded = component.getAccessor().getAnnotation(Bounded.class);
        if (bounded != null) {
            AllowedRange range = AllowedRange.of(bounded, limits);
            min = range.min();
            max = range.max();
        }
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        String description = schema == null ? null : schema.description();
        Class<?> element = ParamDefaults.elementType(component);
        List<String> allowed = javaType.isEnum() ? JsonNames.allOf(javaType)
                : element != null && element.isEnum() ? JsonNames.allOf(element) : null;
        return new ParamSpec(component.getName(), typeName(javaType), defaultValue, min, max, allowed, description);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            Object value = component.getAccessor().invoke(record);
            if (value instanceof List<?> list) {
                return list.stream().map(v -> v instanceof Enum<?> constant ? JsonNames.of(constant) : v).toList();
            }
            return value instanceof Enum<?> constant ? JsonNames.of(constant) : value;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "number";
        }
        if (type == Boolean.class) {
            return "boolean";
        }
        if (type == List.class) {
            return "array";
        }
        return "string";
    }
}
