package concurrencylab.experiment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * A parameter's default is written once, as {@code @Schema(defaultValue = ...)} on its record component: Swagger UI
 * shows it, the catalog shows it, and {@link #fill} puts it in place of an absent (null) value before a run sees the
 * record. A component with no declared default stays null (optional, e.g. processes.cpus).
 */
public final class ParamDefaults {

    /** The default that means "as many as this machine has cores". */
    public static final String CORES = "cores";

    private ParamDefaults() {
    }

    /** The record with every parameter at its default. */
    public static <P extends Record> P of(Class<P> type) {
        return construct(type, new Object[type.getRecordComponents().length]);
    }

    /** The same record with every absent parameter at its default. */
    public static <P extends Record> P fill(P params) {
        @SuppressWarnings("unchecked")
        Class<P> type = (Class<P>) params.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(params);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return construct(type, values);
    }

    private static <P extends Record> P construct(Class<P> type, Object[] values) {
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                throw new IllegalStateException(type.getSimpleName() + ": parameter components must be nullable");
            }
            if (values[i] == null) {
                values[i] = declared(components[i]);
            }
        }
        try {
            var constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the parameters of " + type.getSimpleName(), e);
        }
    }

    /** The element type of a {@code List<E>} component, or null when it is not one. */
    static Class<?> elementType(RecordComponent component) {
        if (component.getType() == List.class
                && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    private static Object constant(RecordComponent component, Class<?> type, String text) {
        if (type == null || !type.isEnum()) {
            throw new IllegalStateException(component + ": cannot read a default of type " + type);
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> JsonNames.of((Enum<?>) c).equals(text))
                .findFirst().orElseThrow(() -> new IllegalStateException(component + ": no constant " + text));
    }

    private static Object declared(RecordComponent component) {
        Schema schema = component.getAccessor().getAnnotation(Schema.class);
        String text = schema == null ? "" : schema.defaultValue();
        if (text.isEmpty()) {
            return null;
        }
        Class<?> type = component.getType();
        if (type == Integer.class) {
            return text.equals(CORES) ? Runtime.getRuntime().availableProcessors() : Integer.valueOf(text);
        }
        if (type == Double.class) {
            return Double.valueOf(text);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        if (type.isEnum()) {
            return constant(component, type, text);
        }
        if (type == List.class) { // a list of enum constants: "a,b,c"
            Class<?> element = elementType(component);
            return Arrays.stream(text.split(",")).map(name -> constant(component, element, name.strip())).toList();
        }
        throw new IllegalStateException(component + ": cannot read a default of type " + type.getSimpleName());
    }
}
