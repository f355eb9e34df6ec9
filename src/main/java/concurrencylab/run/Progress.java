package concurrencylab.run;

/** Steps of a run done so far out of its total (tasks, usually; the baseline's tasks count too). */
public record Progress(long done, long total) {
}
