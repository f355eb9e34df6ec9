package concurrencylab.run;

import concurrencylab.experiment.Experiment;
import concurrencylab.experiment.ExperimentUnavailableException;
import concurrencylab.experiment.LabLimits;
import concurrencylab.experiment.ParamDefaults;
import org.springframework.stereotype.Component;

/**
 * What every launch passes before it may become a run, whether it came from the API or from the lab's pages: absent
 * parameters take their defaults, the experiment must be able to run on this machine, and the parameters must fit its
 * rules and the configured limits. A launch refused here leaves nothing behind. Stateless.
 */
@Component
class LaunchRules {

    private final LabLimits limits;

    LaunchRules(LabLimits limits) {
        this.limits = limits;
    }

    /**
     * The parameters to run {@code experiment} with: {@code params} with its defaults filled, or every default when
     * null.
     *
     * @throws ExperimentUnavailableException                 when this machine cannot run it (503)
     * @throws concurrencylab.experiment.BadParameterException when a parameter breaks a rule or a limit (400)
     */
    <P extends Record> P check(Experiment<P> experiment, Record params) {
        P filled = params != null ? ParamDefaults.fill(experiment.paramsType().cast(params)) : experiment.defaults();
        experiment.unavailable().ifPresent(reason -> {
            throw new ExperimentUnavailableException(experiment.kind(), reason);
        });
        experiment.validate(filled, limits);
        return filled;
    }
}
