package concurrencylab.process;

import concurrencylab.experiment.CpuSet;
import concurrencylab.experiment.ThreadAffinity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Pinning to cores: worker processes with taskset, the service itself thread by thread ({@link ThreadAffinity});
 * whether this machine can, and which cores. The cores are the first N of the service's own CPUs, so a service
 * confined to CPUs 2 and 3 (a container started with {@code --cpuset-cpus=2,3}) pins its workers to 2, not to a CPU 0
 * it may not use. Immutable.
 */
public final class Pinning {

    /** Where taskset may live; fixed, never a parameter. */
    private static final List<Path> TASKSET = List.of(Path.of("/usr/bin/taskset"), Path.of("/bin/taskset"));

    private final Optional<Path> taskset;
    private final List<Integer> cpus;

    Pinning(Optional<Path> taskset, List<Integer> cpus) {
        this.taskset = taskset;
        this.cpus = List.copyOf(cpus);
    }

    /** This machine: its taskset, if any, and this process's CPUs. */
    public static Pinning ofThisProcess() {
        List<Integer> allowed = !ThreadAffinity.serviceCpus().isEmpty() ? ThreadAffinity.serviceCpus()
                : IntStream.range(0, Runtime.getRuntime().availableProcessors()).boxed().toList();
        return new Pinning(TASKSET.stream().filter(Files::isExecutable).findFirst(), allowed);
    }

    public boolean available() {
        return taskset.isPresent();
    }

    /** Why {@code cpus} cannot be used here, in one sentence, or empty when it can. */
    public Optional<String> unavailableReason() {
        return available() ? Optional.empty() : Optional.of("pinning workers to cores needs taskset (from "
                + "util-linux), and this machine has none: install it, or leave cpus out");
    }

    /** The first {@code count} CPUs this process may use, as taskset writes them, e.g. "0" or "2-3". */
    public String cpuList(int count) {
        return CpuSet.format(cpus.subList(0, checkedCount(count)));
    }

    private int checkedCount(int count) {
        if (count < 1 || count > cpus.size()) {
            throw new IllegalArgumentException("cannot pin to " + count + " of " + cpus.size() + " CPUs");
        }
        return count;
    }

    /**
     * Pins every thread of this process (the whole service) to the first {@code count} of its CPUs until the handle
     * is closed, which gives every thread all of this process's CPUs back and checks that each one has them; threads
     * started meanwhile inherit the pinning. For a run that must not use more cores than it asked for, its own
     * threads included.
     *
     * @throws IOException when the service cannot be pinned here, or (at close) cannot be given its CPUs back
     */
    public ThreadAffinity.Narrowing pinThisProcess(int count) throws IOException {
        return ThreadAffinity.narrowToFirst(checkedCount(count));
    }

    /** The command prefix that runs a program pinned to the first {@code count} CPUs. */
    List<String> command(int count) {
        Path program = taskset.orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        return new ArrayList<>(List.of(program.toString(), "-c", cpuList(count)));
    }
}
