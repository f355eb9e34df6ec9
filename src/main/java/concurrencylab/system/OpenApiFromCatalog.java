package concurrencylab.system;

import concurrencylab.experiment.CatalogEntry;
import concurrencylab.experiment.ExperimentCatalog;
import concurrencylab.experiment.ParamSpec;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fills the OpenAPI document from the catalog, so Swagger UI, the catalog and validation tell the same story:
 * each experiment's POST gets its title, summary and claims, a ready example body (every default), and each
 * parameter its default, range and allowed values.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiFromCatalog {

    @Bean
    OpenAPI labOpenApi(ObjectProvider<BuildProperties> build) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("dev");
        return new OpenAPI().info(new Info().title("Concurrency Lab").version(version).description(
                "Processes, threads, coroutines, a GIL, sockets and an event loop, each an experiment that runs on "
                        + "this machine and proves its point with numbers. POST an experiment (an empty body {} "
                        + "uses every default), then follow the run at /api/runs/{id}. GET /api/experiments lists "
                        + "every experiment, the claims it shows and its parameters."));
    }

    @Bean
    OpenApiCustomizer experimentsFromCatalog(ExperimentCatalog catalog) {
        return openApi -> catalog.entries().forEach(entry -> describe(openApi, entry));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(OpenAPI openApi, CatalogEntry entry) {
        PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(entry.endpoint());
        if (path == null || path.getPost() == null) {
            return;
        }
        Operation post = path.getPost();
        post.setOperationId(entry.kind().replace("-", "_"));
        post.setSummary(entry.kind() + ": " + entry.title());
        String claims = entry.claims().stream().map(c -> "**" + c.id() + "** " + c.statement())
                .collect(Collectors.joining("\n- ", "\n\nClaims it tests:\n- ", ""));
        post.setDescription(entry.summary() + claims + "\n\nAn empty body `{}` runs every default. Answers 202 with "
                + "the queued run and `Location: /api/runs/{id}`; with `?wait=30s`, 200 with the finished run if it ends in time.");
        if (post.getRequestBody() != null && post.getRequestBody().getContent() != null) {
            MediaType json = post.getRequestBody().getContent().get("application/json");
            if (json != null) {
                json.setExample(entry.example());
                Schema schema = json.getSchema();
                String ref = schema == null ? null : schema.get$ref();
                Schema params = ref == null || openApi.getComponents() == null ? null
                        : openApi.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
                if (params != null && params.getProperties() != null) {
                    Map<String, Schema> properties = params.getProperties();
                    entry.parameters().forEach(spec -> annotate(properties.get(spec.name()), spec));
                }
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void annotate(Schema property, ParamSpec spec) {
        if (property == null) {
            return;
        }
        property.setDefault(spec.defaultValue());
        if (spec.min() != null) {
            property.setMinimum(BigDecimal.valueOf(spec.min()).stripTrailingZeros());
        }
        if (spec.max() != null) {
            property.setMaximum(BigDecimal.valueOf(spec.max()).stripTrailingZeros());
        }
    }
}
