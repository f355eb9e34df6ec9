package concurrencylab.experiment;

/**
 * Whether one run confirmed one claim, and the measured numbers that decided it.
 *
 * @param claim     the claim's id, e.g. "C5"
 * @param statement the claim in words
 * @param confirmed whether this run's numbers support it
 * @param evidence  the numbers behind the decision, in a sentence
 */
public record Verdict(String claim, String statement, boolean confirmed, String evidence) {

    public static Verdict of(Claim claim, boolean confirmed, String evidence) {
        return new Verdict(claim.name(), claim.statement(), confirmed, evidence);
    }
}
