package concurrencylab.experiment;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Builds a parameter record from nulls, so that its compact constructor fills in every default. */
final class RecordDefaults {

    private RecordDefaults() {
    }

    static <P extends Record> P of(Class<P> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        for (Class<?> componentType : types) {
            if (componentType.isPrimitive()) {
                throw new IllegalStateException(type.getSimpleName() + ": parameter components must be nullable");
            }
        }
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(new Object[components.length]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build defaults of " + type.getSimpleName(), e);
        }
    }
}
