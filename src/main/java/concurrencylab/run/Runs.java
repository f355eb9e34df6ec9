package concurrencylab.run;

import concurrencylab.experiment.ExperimentCatalog;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.ResultPicture;
import concurrencylab.timeline.TimelineSnapshot;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The runs as the lab's own pages see them: start one with its defaults, look one up, the latest ones. */
@Component
public class Runs {

    private final ExperimentCatalog catalog;
    private final RunService runs;
    private final LabLimits limits;

    Runs(ExperimentCatalog catalog, RunService runs, LabLimits limits) {
        this.catalog = catalog;
        this.runs = runs;
        this.limits = limits;
    }

    /**
     * Queues a run of {@code kind} with every default, as {@code POST /api/experiments/{kind}} with {@code {}} does,
     * with the same errors (unknown kind 404, unavailable 503, queue full 429).
     */
    public RunView startWithDefaults(String kind) {
        return runs.submit(catalog.require(kind), null, limits.defaultTimeout()).view();
    }

    public Optional<RunView> find(String id) {
        return runs.view(id);
    }

    /** The newest {@code limit} runs. */
    public List<RunView> latest(int limit) {
        return runs.views(null, null, limit);
    }

    /** The picture the run's experiment draws of its result (the compare matrix), if it draws one and there is one. */
    public Optional<ResultPicture> resultPicture(RunView run) {
        if (run.result() == null) {
            return Optional.empty();
        }
        return catalog.find(run.experiment()).flatMap(experiment -> experiment.resultPicture(run.result()));
    }

    /**
     * What the run recorded (empty while queued); absent when its timeline is not kept: timelines live in memory with
     * the latest runs, not in the store.
     */
    public Optional<TimelineSnapshot> timeline(String id) {
        return runs.find(id).map(Run::timelineSnapshot);
    }

    /** The parts of run {@code id} that recorded an event loop's passes ("" for the whole run), while its timeline is kept. */
    public List<String> loopParts(String id) {
        return runs.find(id).map(run -> LoopRecords.parts(run.timeline())).orElse(List.of());
    }

    /**
     * The loop run {@code id} recorded in part {@code cell} (or its only one), while its timeline is kept.
     *
     * @throws org.springframework.web.ErrorResponseException 404 naming the parts that did record one
     */
    public Optional<LoopRecords.Found> loop(String id, String cell) {
        return runs.find(id).map(run -> LoopRecords.find(id, run.experiment.kind(), run.timeline(), cell));
    }
}
