package concurrencylab.gil;

import concurrencylab.timeline.Timeline;
import concurrencylab.workload.CpuWork;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Interpreters with a GIL each, one per worker, as {@code InterpreterPoolExecutor} gives them (PEP 734): for other
 * experiments that run tasks "as interpreters" (the matrix's row). A task runs on the calling thread inside its
 * interpreter; its call goes in as copied bytes and its result comes out as copied bytes, as a pickled call does.
 * Each interpreter's threads are drawn in the timeline group "interpreter k", with their lock and their copies.
 *
 * <p>Thread-safe: interpreters are safe to share, the copy counts are adders.
 */
public final class InterpreterPool {

    private static final byte[] NO_ARGUMENTS = new byte[0];

    private final List<SubInterpreter> interpreters;
    private final CopyChannel channel;

    private InterpreterPool(List<SubInterpreter> interpreters, CopyChannel channel) {
        this.interpreters = interpreters;
        this.channel = channel;
    }

    /** Starts {@code size} interpreters, each with its own lock reporting to {@code observer} and the timeline. */
    public static InterpreterPool start(int size, Duration switchInterval, GilObserver observer, Timeline timeline,
            CpuWork cpu) {
        List<SubInterpreter> interpreters = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            interpreters.add(SubInterpreter.start(k, new GlobalInterpreterLock(switchInterval,
                    GilLanes.of(timeline, observer, SubInterpreter.lanesOf(k))), cpu));
        }
        return new InterpreterPool(List.copyOf(interpreters), new CopyChannel(timeline));
    }

    /** Runs {@code task} on the calling thread in interpreter {@code index} mod size, its call and result copied. */
    public void run(int index, Interpreter.Task task) throws Exception {
        SubInterpreter interpreter = interpreters.get(index % interpreters.size());
        byte[] call = channel.pass(ByteBuffer.allocate(Integer.BYTES).putInt(index).array(), NO_ARGUMENTS,
                interpreter.lanes());
        byte[] result = interpreter.exec((in, state) -> {
            task.run(in);
            return ByteBuffer.allocate(Integer.BYTES + Long.BYTES).putInt(ByteBuffer.wrap(call).getInt(0))
                    .putLong(state.countTask()).array();
        });
        channel.pass(result, interpreter.lanes());
    }

    /** Bytes copied across the interpreters' boundary so far. */
    public long copiedBytes() {
        return channel.bytes();
    }
}
