package concurrencylab.gil;

import concurrencylab.workload.CpuWork;

/**
 * One of several interpreters in one process, as PEP 684 (3.12) and PEP 734 (3.14, {@code concurrent.interpreters})
 * made them: its own {@link GlobalInterpreterLock} (or, as before 3.12, one lock shared with the others) and its own
 * {@link ModuleState}. A thread runs code in it with {@link #exec}, as CPython's {@code interp.exec()} and
 * {@code interp.call()} run in the calling thread switched into that interpreter: it takes the interpreter's lock, runs,
 * and leaves. Objects never cross: a caller hands code bytes in and gets bytes back ({@link CopyChannel}).
 *
 * <p>Immutable itself; its module state is guarded by its lock (see {@link ModuleState}). Safe to share among threads.
 */
final class SubInterpreter {

    /** Code run inside an interpreter, with its interpreter and its own module state. */
    @FunctionalInterface
    interface Code<T> {
        T run(Interpreter interpreter, ModuleState state) throws Exception;
    }

    private final int id;
    private final String lanes;
    private final Interpreter interpreter;
    private final ModuleState state;

    private SubInterpreter(int id, String lanes, Interpreter interpreter, ModuleState state) {
        this.id = id;
        this.lanes = lanes;
        this.interpreter = interpreter;
        this.state = state;
    }

    /** A new interpreter under {@code gil}, its threads' lanes grouped under "interpreter id": it imports its module. */
    static SubInterpreter start(int id, GlobalInterpreterLock gil, CpuWork cpu) {
        return start(id, lanesOf(id), gil, cpu);
    }

    /** As {@link #start(int, GlobalInterpreterLock, CpuWork)}, its threads' lanes grouped under {@code lanes}. */
    static SubInterpreter start(int id, String lanes, GlobalInterpreterLock gil, CpuWork cpu) {
        return new SubInterpreter(id, lanes, Interpreter.withLock(gil, cpu), ModuleState.imported());
    }

    /** The timeline group of interpreter {@code id}'s threads. */
    static String lanesOf(int id) {
        return "interpreter " + id;
    }

    int id() {
        return id;
    }

    /** The timeline group its threads' lanes belong to. */
    String lanes() {
        return lanes;
    }

    GlobalInterpreterLock lock() {
        return interpreter.lock();
    }

    /** Runs {@code code} on the calling thread inside this interpreter, holding its lock while it runs. */
    <T> T exec(Code<T> code) throws Exception {
        Object[] result = new Object[1];
        interpreter.run(in -> result[0] = code.run(in, state));
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
