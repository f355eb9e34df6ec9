package concurrencylab;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/**
 * Reading a run's verdicts in tests, and the one assertion that keeps a timing verdict honest on a busy laptop:
 * confirmed, or "machine-busy" only where the run measured that other programs took the cores.
 */
public final class Verdicts {

    /** Other processes' cores that make a machine busy (Parallelism.BUSY_OTHERS). */
    private static final double BUSY_OTHERS = 0.25;

    private Verdicts() {
    }

    /** The verdict on {@code claim} in a run's result; fails if the run has none. */
    public static JsonNode of(JsonNode result, String claim) {
        return result.get("verdicts").valueStream().filter(v -> v.get("claim").asString().equals(claim)).findFirst()
                .orElseThrow(() -> new AssertionError("no verdict on " + claim + " in " + result.get("verdicts")));
    }

    public static String outcome(JsonNode result, String claim) {
        return of(result, claim).get("outcome").asString();
    }

    /** Asserts the claim came out {@code expected} ("cannot-show", "not-shown", ...), and confirmed agrees. */
    public static void assertOutcome(JsonNode result, String claim, String expected) {
        JsonNode verdict = of(result, claim);
        assertThat(verdict.get("outcome").asString()).as(claim + ": " + verdict.get("evidence")).isEqualTo(expected);
        assertThat(verdict.get("confirmed").asBoolean()).isEqualTo(expected.equals("confirmed"));
    }

    /**
     * Asserts the verdict on {@code claim} agrees with the measurement: confirmed, or machine-busy where the phase
     * that needed free cores measured other processes keeping {@code othersCores} busy (null: the OS cannot tell), or
     * the lab's own JIT compiler and collector keeping as many busy (the verdict names them).
     * Returns whether it was confirmed, so a test can check the numbers that confirmation rests on.
     */
    public static boolean assertConfirmedUnlessBusy(JsonNode result, String claim, JsonNode othersCores) {
        JsonNode verdict = of(result, claim);
        String outcome = verdict.get("outcome").asString();
        if (outcome.equals("confirmed")) {
            return true;
        }
        assertThat(outcome).as(claim + " neither confirmed nor excused by a busy machine: " + verdict.get("evidence"))
                .isEqualTo("machine-busy");
        boolean labsOwnBackground = verdict.get("evidence").asString().contains("the lab's own background work");
        if (othersCores != null && !othersCores.isNull() && !labsOwnBackground) {
            assertThat(othersCores.asDouble()).as(claim + " says the machine was busy: other processes' cores")
                    .isGreaterThanOrEqualTo(BUSY_OTHERS);
        }
        return false;
    }
}
