package concurrencylab.run;

import concurrencylab.experiment.LabLimits;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Every run the service knows: all unfinished runs, and the last {@code lab.limits.retained-runs} finished ones.
 *
 * <p>{@code runs} is a concurrent map; {@code finishedOrder} (oldest first) is guarded by itself, and a run is
 * removed from {@code runs} only while holding that lock, after it has been added to the order.
 */
@Component
class RunRegistry {

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Deque<Run> finishedOrder = new ArrayDeque<>();
    private final int retained;

    RunRegistry(LabLimits limits) {
        this.retained = limits.retainedRuns();
    }

    void add(Run run) {
        runs.put(run.id, run);
    }

    Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    /** Called once per run when it reaches a final status: forgets the oldest finished runs beyond the limit. */
    void finished(Run run) {
        synchronized (finishedOrder) {
            finishedOrder.addLast(run);
            while (finishedOrder.size() > retained) {
                runs.remove(finishedOrder.removeFirst().id);
            }
        }
    }

    /** Newest first, optionally only one experiment and/or status, at most {@code limit}. */
    List<Run> list(String experiment, RunStatus status, int limit) {
        return runs.values().stream()
                .filter(r -> experiment == null || r.experiment.kind().equals(experiment))
                .filter(r -> status == null || r.status() == status)
                .sorted(Comparator.comparingLong((Run r) -> r.sequence).reversed())
                .limit(limit)
                .toList();
    }

    long count(RunStatus status) {
        return runs.values().stream().filter(r -> r.status() == status).count();
    }

    List<Run> unfinished() {
        return runs.values().stream().filter(r -> !r.isFinished()).toList();
    }
}
