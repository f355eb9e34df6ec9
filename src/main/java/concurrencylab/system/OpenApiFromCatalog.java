package concurrencylab.system;

import concurrencylab.experiment.CatalogEntry;
import concurrencylab.experiment.ExperimentCatalog;
import concurrencylab.experiment.ParamSpec;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
 * the one {@code POST /api/experiments/{kind}} becomes one operation per experiment, each with its own request
 * schema, title, summary, claims and rules, a ready example body (every default), and each parameter its default,
 * range and allowed values.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiFromCatalog {

    /** The one POST that starts every experiment (run/RunLauncher); shown as one operation per experiment. */
    private static final String RUN_PATH = "/api/experiments/{kind}";
    private static final String TOKEN_SCHEME = "labToken";

    /**
     * The document's head. When the lab asks for a token (it listens beyond loopback), the document says so as a
     * bearer scheme, so Swagger UI offers "Authorize"; a browser that opened the URL with the token needs none.
     */
    @Bean
    OpenAPI labOpenApi(ObjectProvider<BuildProperties> build, AccessToken token) {
        String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("dev");
        OpenAPI openApi = new OpenAPI().info(new Info().title("Concurrency Lab").version(version).description(
                "Processes, threads, coroutines, a GIL, sockets and an event loop, each an experiment that runs on "
                        + "this machine and proves its point with numbers. POST an experiment (an empty body {} "
                        + "uses every default), then follow the run at /api/runs/{id}. GET /api/experiments lists "
                        + "every experiment, the claims it shows and its parameters."));
        if (token.required()) {
            openApi.components(new Components().addSecuritySchemes(TOKEN_SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").description("The lab's token (the URL it "
                            + "printed at start carries it): needed to start or cancel runs; reads need none.")))
                    .addSecurityItem(new SecurityRequirement().addList(TOKEN_SCHEME));
        }
        return openApi;
    }

    @Bean
    OpenApiCustomizer experimentsFromCatalog(ExperimentCatalog catalog) {
        return openApi -> {
            PathItem generic = openApi.getPaths() == null ? null : openApi.getPaths().get(RUN_PATH);
            if (generic == null || generic.getPost() == null) {
                return;
            }
            Operation template = generic.getPost();
            generic.setPost(null);
            if (generic.readOperations().isEmpty()) {
                openApi.getPaths().remove(RUN_PATH);
            }
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().remove("Record");
            }
            boolean openApi31 = openApi.getOpenapi() != null && openApi.getOpenapi().startsWith("3.1");
            catalog.entries().forEach(entry -> openApi.path(entry.endpoint(), new PathItem().post(
                    operation(openApi, template, entry, catalog.require(entry.kind()).paramsType(), openApi31))));
        };
    }

    /** The generic POST, made the experiment's own: its body schema, example, defaults, ranges and rules. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Operation operation(OpenAPI openApi, Operation template, CatalogEntry entry, Class<?> paramsType,
            boolean openApi31) {
        Map<String, Schema> schemas = ModelConverters.getInstance(openApi31).readAll(new AnnotatedType(paramsType));
        schemas.forEach(openApi::schema);
        Schema params = schemas.get(paramsType.getSimpleName());
        if (params != null && params.getProperties() != null) {
            Map<String, Schema> properties = params.getProperties();
            entry.parameters().forEach(spec -> annotate(properties.get(spec.name()), spec));
        }
        MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + paramsType.getSimpleName()))
                .example(entry.example());
        String claims = entry.claims().stream().map(c -> "**" + c.id() + "** " + c.statement())
                .collect(Collectors.joining("\n- ", "\n\nClaims it tests:\n- ", ""));
        String rules = entry.rules() == null || entry.rules().isEmpty() ? "" : entry.rules().stream()
                .collect(Collectors.joining("\n- ", "\n\nParameters together:\n- ", ""));
        return new Operation().tags(template.getTags()).operationId(CatalogEntry.operationIdOf(entry.kind()))
                .summary(entry.kind() + ": " + entry.title())
                .description(entry.summary() + claims + rules + "\n\nAn empty body `{}` runs every default. Answers 202 "
                        + "with the queued run and `Location: /api/runs/{id}`; with `?wait=30s`, 200 with the finished "
                        + "run if it ends in time.")
                .parameters(template.getParameters() == null ? null : template.getParameters().stream()
                        .filter(p -> !"path".equals(p.getIn())).toList())
                .requestBody(new RequestBody().content(new Content().addMediaType("application/json", json)))
                .responses(template.getResponses());
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
