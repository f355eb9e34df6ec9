package concurrencylab.experiment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The CPUs every thread of this process may run on, set and checked thread by thread: {@code sched_setaffinity(2)} on
 * each task of {@code /proc/self/task}, read back from each task's {@code Cpus_allowed_list}. A thread that ends
 * meanwhile is skipped; one that starts meanwhile inherits its creator's CPUs, so the passes go on until every
 * thread reads the wanted list (taskset -a stops at the first thread that has gone, and left the rest narrowed).
 *
 * <p>State: {@link #SERVICE}, the CPUs this process had when this class was first used (before any narrowing: the
 * service's CPUs, which every narrowing gives back); {@code narrowings}, how many {@link #narrow} handles are open
 * (atomic; a run that pins the service holds one while it runs). Linux only: elsewhere {@link #available} is false.
 */
public final class ThreadAffinity {

    /** Passes over the threads before giving up: each pass fixes every thread that read wrong. */
    private static final int MAX_PASSES = 50;
    private static final int ESRCH = 3;
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final List<Integer> SERVICE = CpuSet.allowed().orElse(List.of());
    private static final AtomicInteger narrowings = new AtomicInteger();
    /** A clone in flight when a pass reads the threads shows up a moment later: a clean pass is confirmed after this. */
    private static final long SETTLE_NANOS = 2_000_000;

    private ThreadAffinity() {
    }

    /** The CPUs of the service: every thread's, as it started. */
    public static List<Integer> serviceCpus() {
        return SERVICE;
    }

    /** Whether threads' CPUs can be set and read here (Linux, with {@code /proc/self/task}). */
    public static boolean available() {
        return !SERVICE.isEmpty() && Files.isDirectory(TASKS) && NativeHolder.NATIVE != null;
    }

    /**
     * Looked up at first use, not when this class loads: a JVM that only reads its CPUs (a worker started from the
     * lab's classes) never touches the native linker, so it never warns about native access.
     */
    private static final class NativeHolder {
        static final Native NATIVE = Native.find().orElse(null);
    }

    /** Handed back by {@link #narrow}: closing it gives every thread the service's CPUs back, and checks it did. */
    public interface Narrowing extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /**
     * Puts every thread of this process on {@code cpus} until the handle is closed.
     *
     * @throws IOException when a thread cannot be put there (the threads are given their CPUs back first)
     */
    public static Narrowing narrow(List<Integer> cpus) throws IOException {
        narrowings.incrementAndGet();
        try {
            setAll(cpus);
        } catch (IOException e) {
            try {
                setAll(SERVICE);
            } catch (IOException restoring) {
                e.addSuppressed(restoring);
            } finally {
                narrowings.decrementAndGet();
            }
            throw e;
        }
        return () -> {
            try {
                setAll(SERVICE);
            } finally {
                narrowings.decrementAndGet();
            }
        };
    }

    /**
     * Puts every thread of this process on the first {@code count} of the service's CPUs until the handle is closed
     * (a run's {@code cpus}); {@link #narrow} otherwise.
     *
     * @throws IOException when this machine cannot pin threads, or has fewer CPUs than {@code count}
     */
    public static Narrowing narrowToFirst(int count) throws IOException {
        if (!available()) {
            throw new IOException("pinning the service needs Linux's sched_setaffinity and /proc/self/task");
        }
        if (count < 1 || count > SERVICE.size()) {
            throw new IOException("cannot pin to " + count + " of " + SERVICE.size() + " CPUs");
        }
        return narrow(SERVICE.subList(0, count));
    }

    /** Whether a narrowing is open now (a run pins the service). */
    public static boolean narrowedOnPurpose() {
        return narrowings.get() > 0;
    }

    /**
     * Gives any thread that is not on the service's CPUs its CPUs back, unless a narrowing is open: what a run checks
     * before it measures anything.
     *
     * @throws IOException when some thread cannot be given them back, naming it
     */
    public static void ensureWhole() throws IOException {
        if (available() && !narrowedOnPurpose() && !threadsNotOn(SERVICE).isEmpty()) {
            setAll(SERVICE);
        }
    }

    /** Every thread not on exactly {@code cpus}, as "tid (name): its list"; empty when all are. */
    public static List<String> threadsNotOn(List<Integer> cpus) throws IOException {
        List<String> wrong = new ArrayList<>();
        for (long tid : tasks()) {
            readTask(tid).filter(task -> !task.cpus().equals(cpus))
                    .ifPresent(task -> wrong.add(tid + " (" + task.name() + "): " + CpuSet.format(task.cpus())));
        }
        return wrong;
    }

    /** Passes over the threads, setting each one that reads wrong, until none does. */
    private static void setAll(List<Integer> cpus) throws IOException {
        if (!available()) {
            throw new IOException("setting threads' CPUs needs Linux's sched_setaffinity and /proc/self/task");
        }
        List<String> wrong = List.of();
        boolean settling = false;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            wrong = new ArrayList<>();
            for (long tid : tasks()) {
                Optional<Task> task = readTask(tid);
                if (task.isEmpty() || task.get().cpus().equals(cpus)) {
                    continue;
                }
                int errno = NativeHolder.NATIVE.setAffinity(tid, cpus);
                if (errno != 0 && errno != ESRCH) {
                    wrong.add(tid + " (" + task.get().name() + "): errno " + errno);
                }
            }
            List<String> stillWrong = threadsNotOn(cpus);
            if (stillWrong.isEmpty()) {
                // A thread being created copies its creator's CPUs before it is listed: one whose creator was set
                // just after the copy appears only now. So a clean pass counts once it is clean again a moment later.
                if (settling && wrong.isEmpty()) {
                    return;
                }
                settling = wrong.isEmpty();
                LockSupport.parkNanos(SETTLE_NANOS);
                continue;
            }
            settling = false;
            wrong.addAll(stillWrong);
        }
        throw new IOException("could not put every thread of the service on CPUs " + CpuSet.format(cpus) + " in "
                + MAX_PASSES + " passes; still elsewhere: " + String.join(", ", wrong.subList(0, Math.min(8,
                wrong.size()))) + (wrong.size() > 8 ? " and " + (wrong.size() - 8) + " more" : ""));
    }

    private static List<Long> tasks() throws IOException {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.map(p -> Long.parseLong(p.getFileName().toString())).toList();
        }
    }

    private record Task(String name, List<Integer> cpus) {
    }

    /** A thread's name and CPUs, or empty when it has ended. */
    private static Optional<Task> readTask(long tid) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(TASKS.resolve(Long.toString(tid)).resolve("status"));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            if (!Files.exists(TASKS.resolve(Long.toString(tid)))) {
                return Optional.empty(); // ended while it was read (ESRCH)
            }
            throw e;
        }
        String name = "";
        List<Integer> cpus = null;
        for (String line : lines) {
            if (line.startsWith("Name:")) {
                name = line.substring(5).strip();
            } else if (line.startsWith("Cpus_allowed_list:")) {
                cpus = CpuSet.parse(line.substring(line.indexOf(':') + 1));
            }
        }
        return cpus == null ? Optional.empty() : Optional.of(new Task(name, cpus));
    }

    /** {@code int sched_setaffinity(pid_t tid, size_t size, const cpu_set_t *mask)}, with errno captured. */
    private record Native(MethodHandle setAffinity, VarHandle errno) {

        static Optional<Native> find() {
            try {
                Linker linker = Linker.nativeLinker();
                Linker.Option errno = Linker.Option.captureCallState("errno");
                return linker.defaultLookup().find("sched_setaffinity").map(address -> new Native(
                        linker.downcallHandle(address, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                                errno),
                        Linker.Option.captureStateLayout().varHandle(
                                java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"))));
            } catch (RuntimeException | LinkageError e) {
                return Optional.empty(); // no native access here: the service cannot pin itself
            }
        }

        /** Sets one thread's CPUs; 0, or the errno. */
        int setAffinity(long tid, List<Integer> cpus) throws IOException {
            int words = Math.max(16, cpus.stream().mapToInt(c -> c / 64 + 1).max().orElse(1));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment mask = arena.allocate(ValueLayout.JAVA_LONG, words);
                for (int cpu : cpus) {
                    long index = cpu / 64;
                    mask.setAtIndex(ValueLayout.JAVA_LONG, index,
                            mask.getAtIndex(ValueLayout.JAVA_LONG, index) | (1L << (cpu % 64)));
                }
                MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
                int result = (int) setAffinity.invokeExact(state, (int) tid, (long) words * Long.BYTES, mask);
                return result == 0 ? 0 : (int) errno.get(state, 0L);
            } catch (Throwable t) {
                throw new IOException("sched_setaffinity failed: " + t, t);
            }
        }
    }
}
