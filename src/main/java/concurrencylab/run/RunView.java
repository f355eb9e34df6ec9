package concurrencylab.run;

import concurrencylab.experiment.ExperimentResult;
import java.time.Instant;

/**
 * A run as the API shows it: a consistent snapshot taken under the run's lock.
 *
 * @param id          the run's id, used in /api/runs/{id}
 * @param experiment  the experiment's kind
 * @param params      the parameters it ran with, every default filled in
 * @param status      QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED or TIMED_OUT
 * @param submittedAt when it was accepted
 * @param startedAt   when it started running; null while queued
 * @param finishedAt  when it reached a final status; null until then
 * @param deadline    when it is stopped as TIMED_OUT if still running
 * @param progress    steps done of the total
 * @param environment the machine and JVM it ran on
 * @param error       why it failed, was cancelled or timed out; null otherwise
 * @param result      what it measured; present when it succeeded
 * @param links       where to see it: report page, timeline picture, trace, events, the experiment's form
 */
public record RunView(String id, String experiment, Object params, RunStatus status, Instant submittedAt,
        Instant startedAt, Instant finishedAt, Instant deadline, Progress progress, LabEnvironment environment,
        String error, ExperimentResult result, RunLinks links) {
}
