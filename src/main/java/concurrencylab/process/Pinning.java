package concurrencylab.process;

import concurrencylab.experiment.CpuSet;
import concurrencylab.experiment.MachineCpu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Pinning worker processes to cores with taskset: whether this machine can, and which cores. The cores are the
 * first N of this process's own CPUs, so a service confined to CPUs 2 and 3 (a container started with
 * {@code --cpuset-cpus=2,3}) pins its workers to 2, not to a CPU 0 it may not use. Immutable.
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
        List<Integer> allowed = CpuSet.allowed().filter(list -> !list.isEmpty()).orElseGet(() ->
                IntStream.range(0, Runtime.getRuntime().availableProcessors()).boxed().toList());
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
        if (count < 1 || count > cpus.size()) {
            throw new IllegalArgumentException("cannot pin to " + count + " of " + cpus.size() + " CPUs");
        }
        return CpuSet.format(cpus.subList(0, count));
    }

    /**
     * Pins every thread of this process (the whole service) to the first {@code count} of its CPUs until the handle
     * is closed, which gives them all of this process's CPUs back; threads started meanwhile inherit the pinning. For
     * a run that must not use more cores than it asked for, its own threads included.
     */
    public AutoCloseable pinThisProcess(int count) throws IOException, InterruptedException {
        // MachineCpu learns this process's CPUs once, when first used: it must not learn them while they are narrowed.
        MachineCpu.countedCpus();
        String all = CpuSet.format(cpus);
        taskset(cpuList(count));
        return () -> taskset(all);
    }

    /** {@code taskset -a -p -c list <this pid>}: every thread of this process onto {@code list}. */
    private void taskset(String list) throws IOException, InterruptedException {
        Path program = taskset.orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        Process process = new ProcessBuilder(program.toString(), "-a", "-p", "-c", list,
                Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("taskset did not finish within 10 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("taskset -a -p -c " + list + " exited with " + process.exitValue());
        }
    }

    /** The command prefix that runs a program pinned to the first {@code count} CPUs. */
    List<String> command(int count) {
        Path program = taskset.orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()));
        return new ArrayList<>(List.of(program.toString(), "-c", cpuList(count)));
    }
}
