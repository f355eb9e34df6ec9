package concurrencylab.run;

/** Told about a run's changes, on the thread that made them: must return quickly and never block. */
interface RunListener {

    enum Change { STATUS, PROGRESS }

    void changed(Run run, Change change);
}
