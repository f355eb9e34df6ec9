package concurrencylab.run;

import concurrencylab.experiment.ExperimentCatalog;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestResponseBodyMethodProcessor;

/**
 * Reads {@link RunLauncher}'s {@code @RequestBody Record params} as the parameter record of the experiment
 * the path names. It hands Spring's own {@code @RequestBody} reader a parameter typed as that record, so reading,
 * {@code @Valid} validation, and every error (malformed JSON, unknown field, wrong type, 413, 415, out of range)
 * are exactly those of a typed {@code @RequestBody}.
 */
final class ParamsBodyResolver implements HandlerMethodArgumentResolver {

    private final HandlerMethodArgumentResolver bodyReader;
    private final ObjectProvider<ExperimentCatalog> catalog;

    private ParamsBodyResolver(HandlerMethodArgumentResolver bodyReader, ObjectProvider<ExperimentCatalog> catalog) {
        this.bodyReader = bodyReader;
        this.catalog = catalog;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Record.class && bodyReader.supportsParameter(parameter);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        Class<?> type = catalog.getObject().require(path == null ? "" : path.get("kind")).paramsType();
        return bodyReader.resolveArgument(new TypedParameter(parameter, type), mavContainer, request, binderFactory);
    }

    /** A method parameter that reports another type: the experiment's record instead of {@code Record}. */
    private static final class TypedParameter extends MethodParameter {

        private final Class<?> type;

        TypedParameter(MethodParameter original, Class<?> type) {
            super(original);
            this.type = type;
        }

        @Override
        public Class<?> getParameterType() {
            return type;
        }

        @Override
        public Type getGenericParameterType() {
            return type;
        }

        @Override
        public Class<?> getNestedParameterType() {
            return type;
        }

        @Override
        public Type getNestedGenericParameterType() {
            return type;
        }

        @Override
        public TypedParameter clone() {
            return new TypedParameter(this, type);
        }
    }

    /** Puts the resolver first, ahead of Spring's {@code @RequestBody} reader, which it delegates to. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        static BeanPostProcessor paramsBodyFirst(ObjectProvider<ExperimentCatalog> catalog) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
                        HandlerMethodArgumentResolver reader = adapter.getArgumentResolvers().stream()
                                .filter(RequestResponseBodyMethodProcessor.class::isInstance).findFirst()
                                .orElseThrow(() -> new IllegalStateException("no @RequestBody reader in Spring MVC"));
                        List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
                        resolvers.add(new ParamsBodyResolver(reader, catalog));
                        resolvers.addAll(adapter.getArgumentResolvers());
                        adapter.setArgumentResolvers(resolvers);
                    }
                    return bean;
                }
            };
        }
    }
}
