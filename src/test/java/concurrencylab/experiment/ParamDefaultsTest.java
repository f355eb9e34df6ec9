package concurrencylab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** Defaults are read from @Schema(defaultValue) once; rules over several parameters name the field and the range. */
class ParamDefaultsTest {

    enum Shape {
        @JsonProperty("round-ish") ROUND, @JsonProperty("square") SQUARE
    }

    record Sample(
            @Schema(description = "a count", defaultValue = "8") Integer count,
            @Schema(description = "threads", defaultValue = ParamDefaults.CORES) Integer threads,
            @Schema(description = "a share", defaultValue = "0.5") Double share,
            @Schema(description = "a switch", defaultValue = "true") Boolean on,
            @Schema(description = "a shape", defaultValue = "round-ish") Shape shape,
            @Schema(description = "optional, no default") Integer optional) {
    }

    record Shapes(@Schema(description = "shapes", defaultValue = "square, round-ish") java.util.List<Shape> shapes) {
    }

    @Test
    void aListOfConstantsTakesItsDefaultFromCommaSeparatedNames() {
        assertThat(ParamDefaults.of(Shapes.class).shapes()).containsExactly(Shape.SQUARE, Shape.ROUND);
        assertThat(ParamDefaults.fill(new Shapes(java.util.List.of(Shape.ROUND))).shapes()).containsExactly(Shape.ROUND);
    }

    @Test
    void absentParametersTakeTheirDeclaredDefaultAndGivenOnesStay() {
        Sample defaults = ParamDefaults.of(Sample.class);
        assertThat(defaults).isEqualTo(new Sample(8, Runtime.getRuntime().availableProcessors(), 0.5, true,
                Shape.ROUND, null));

        Sample given = ParamDefaults.fill(new Sample(3, null, null, false, Shape.SQUARE, 7));
        assertThat(given).isEqualTo(new Sample(3, Runtime.getRuntime().availableProcessors(), 0.5, false,
                Shape.SQUARE, 7));
    }

    record Primitive(int count) {
    }

    @Test
    void aParameterThatCannotBeAbsentIsRefused() {
        assertThatThrownBy(() -> ParamDefaults.of(Primitive.class)).hasMessageContaining("nullable");
    }

    record Load(Integer clients, Integer requestsPerClient) {
    }

    @Test
    void theRequestBudgetNamesTheFieldAndTheRangeTheseParametersAllow() {
        ParamRule<Load> budget = ParamRule.requestBudget(Load::clients, Load::requestsPerClient);
        budget.check(new Load(1000, 1000));

        assertThatThrownBy(() -> budget.check(new Load(100_000, 1000)))
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).startsWith("requestsPerClient:");
                    assertThat(e.getBody().getProperties().get("errors").toString()).contains("allowed=1..10");
                });
    }
}
