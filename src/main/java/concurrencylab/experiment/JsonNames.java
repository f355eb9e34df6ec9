package concurrencylab.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/** The names enum constants have in JSON: their {@code @JsonProperty} value, else the constant's name. */
public final class JsonNames {

    private JsonNames() {
    }

    public static String of(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    public static List<String> allOf(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> of((Enum<?>) c)).toList();
    }
}
