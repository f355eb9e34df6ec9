package concurrencylab.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether one run confirmed one claim, and the measured numbers that decided it. A verdict is an experiment the
 * run performs on itself: it can always come out false, and {@link #outcome} says why it did.
 *
 * @param claim     the claim's id, e.g. "C5"
 * @param statement the claim in words
 * @param confirmed whether this run's numbers show it
 * @param outcome   confirmed, or why not: the numbers did not show it, the machine was too busy to tell, or this
 *                  run's parameters cannot show it (and the evidence says which would)
 * @param evidence  the numbers behind the decision, in a sentence or two
 */
public record Verdict(String claim, String statement, boolean confirmed, Outcome outcome, String evidence) {

    /** How a verdict came out. */
    public enum Outcome implements Tagged {
        /** The run's measurements show the claim. */
        @JsonProperty("confirmed") CONFIRMED,
        /** The run could have shown it, measured, and the numbers did not show it. */
        @JsonProperty("not-shown") NOT_SHOWN,
        /** The run needed free cores and measured that it did not have them (other programs took them). */
        @JsonProperty("machine-busy") MACHINE_BUSY,
        /** This run's parameters cannot show the claim (no GIL, one worker, sleep instead of cpu, ...): a control. */
        @JsonProperty("cannot-show") CANNOT_SHOW
    }

    public static Verdict of(Claim claim, Outcome outcome, String evidence) {
        return new Verdict(claim.name(), claim.statement(), outcome == Outcome.CONFIRMED, outcome, evidence);
    }

    /** Confirmed when the numbers show it, else not shown. */
    public static Verdict of(Claim claim, boolean shown, String evidence) {
        return of(claim, shown ? Outcome.CONFIRMED : Outcome.NOT_SHOWN, evidence);
    }

    public static Verdict cannotShow(Claim claim, String evidence) {
        return of(claim, Outcome.CANNOT_SHOW, evidence);
    }
}
