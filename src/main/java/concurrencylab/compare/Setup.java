package concurrencylab.compare;

import java.time.Duration;

/**
 * What every cell of one compare run does, fixed before the first cell runs.
 *
 * @param tasks          tasks per cell
 * @param taskTime       one task's work (cpu), or the io server's delay (io)
 * @param hogTime        mixed: what the hog computes, tasks x taskTime
 * @param switchInterval the simulated GIL's switch interval
 * @param ioPort         the io server's loopback port (answers after taskTime)
 * @param mixedPort      the mixed I/O server's loopback port (answers after {@link #MIXED_SERVER_DELAY})
 * @param period         mixed: how often each I/O task starts a round trip ({@link #periodFor})
 * @param opsPerIoTask   mixed: round trips each I/O task makes, for as long as the hog computes
 */
record Setup(int tasks, Duration taskTime, Duration hogTime, Duration switchInterval, int ioPort, int mixedPort,
        Duration period, int opsPerIoTask) {

    /** How long the mixed I/O server waits before it answers: short I/O. */
    static final Duration MIXED_SERVER_DELAY = Duration.ofMillis(1);
    /** Mixed I/O tasks start a round trip at most this often. */
    static final Duration SHORTEST_PERIOD = Duration.ofMillis(10);
    /** Round trips each I/O task makes for the "alone" reference (no hog), one every {@link #SHORTEST_PERIOD}. */
    static final int ALONE_OPS = 20;
    /** Mixed's I/O tasks start after this, which leaves each time to connect (and, under a GIL, take its turns). */
    static final Duration SETTLE = Duration.ofMillis(20);
    /** Payload of every round trip. */
    static final int PAYLOAD_BYTES = 64;

    /** Mixed's I/O tasks: all but the hog. */
    int ioTasks() {
        return tasks - 1;
    }

    /**
     * When op {@code k} of an I/O task is due, in nanoTime, for a cell that started at {@code start}: one period
     * after another from {@link #SETTLE} and one period on, so the tasks have settled in (connected) by the first.
     */
    static long due(long start, int k, Duration period) {
        return start + SETTLE.toNanos() + (k + 1) * period.toNanos();
    }

    /**
     * How often each of mixed's I/O tasks starts a round trip: every 2 x ioTasks switch intervals, so that under a
     * GIL that hands the lock over once per interval the I/O asks for at most half of what it can get (else the waits
     * pile up, a throughput limit rather than responsiveness); at least {@link #SHORTEST_PERIOD}, and at most an
     * eighth of the hog, so that eight or more round trips fall beside it whatever the switch interval.
     */
    static Duration periodFor(int ioTasks, Duration switchInterval, Duration hogTime) {
        long wanted = 2L * ioTasks * switchInterval.toNanos();
        long most = Math.max(SHORTEST_PERIOD.toNanos(), hogTime.toNanos() / 8);
        return Duration.ofNanos(Math.clamp(wanted, SHORTEST_PERIOD.toNanos(), most));
    }

    /** Ops per I/O task so that they keep coming for as long as the hog computes (at least two). */
    static int opsFor(Duration hogTime, Duration period) {
        return (int) Math.max(2, (hogTime.toNanos() - SETTLE.toNanos()) / period.toNanos() - 1);
    }
}
