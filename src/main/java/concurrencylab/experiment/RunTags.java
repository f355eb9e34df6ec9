package concurrencylab.experiment;

/**
 * The metric tags of a run besides its experiment: both low-cardinality, never a run id.
 *
 * @param mode     how the experiment ran, e.g. "platform-pool" or "virtual"
 * @param workload what each task did, e.g. "cpu", or "none"
 */
public record RunTags(String mode, String workload) {
}
