package concurrencylab.eventloop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The loop's multiplexer, asyncio's {@code selector_events} beside {@code base_events}: the {@link Selector}, what each
 * channel is watched for and by which callback ({@link Interest}, the key's attachment), and the select that queues
 * the callbacks of the channels the OS reports ready onto the loop's ready deque. Each channel may carry a label
 * ("client 17's socket") for whoever records what the loop watched.
 *
 * <p>Loop-thread confined (the {@link EventLoop} checks the thread before it calls in), except {@link #wakeup}:
 * {@code wakeupPending} is the one field other threads touch.
 */
final class LoopSelector {

    static {
        Interest.class.getName(); // loaded with the loop, as EventLoop's static block explains
        IoHandle.class.getName();
    }

    private final Selector selector;
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ArrayDeque<Handle> ready;
    /**
     * Queues the callbacks of a channel the selector reports ready. Handed to {@code select(Consumer)}, so the
     * selector calls it key by key instead of filling its selected-key set (a HashSet add and remove per ready
     * channel per pass, a sixth of the loop's Java time at 1,000 connections).
     */
    private final Consumer<SelectionKey> dispatch;
    /** While a recorder listens: the labels of the channels the last select reported, else null. Loop thread. */
    private List<String> reported;
    /** Channels reported beyond the ones named in {@code reported}. Loop thread. */
    private int reportedMore;

    LoopSelector(ArrayDeque<Handle> ready) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.ready = ready;
        this.dispatch = key -> {
            Interest interest = (Interest) key.attachment();
            if (reported != null) {
                if (reported.size() < LoopRecording.MAX_NAMES) {
                    reported.add(interest.describeReady(key));
                } else {
                    reportedMore++;
                }
            }
            interest.fire(key, this.ready);
        };
    }

    /**
     * Waits for ready channels and queues their callbacks: {@code timeoutMillis} 0 returns at once, a negative one
     * waits until a channel is ready or {@link #wakeup} is called. {@code reportedInto}, when not null, gets the
     * label and ready operations of each channel the OS reported.
     */
    void select(long timeoutMillis, List<String> reportedInto) throws IOException {
        wakeupPending.set(false);
        reported = reportedInto;
        reportedMore = 0;
        try {
            if (timeoutMillis == 0) {
                selector.selectNow(dispatch);
            } else if (timeoutMillis > 0) {
                selector.select(dispatch, timeoutMillis);
            } else {
                selector.select(dispatch);
            }
        } finally {
            if (reported != null && reportedMore > 0) {
                reported.add("and " + reportedMore + " more");
            }
            reported = null;
        }
    }

    /** Thread-safe: makes a select in progress (or the next one) return at once. */
    void wakeup() {
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Runs {@code callback} whenever {@code channel} is ready for {@code op} (persistent) or the next time only. */
    void watch(SelectableChannel channel, int op, Runnable callback, boolean persistent, String label) {
        SelectionKey key = channel.keyFor(selector);
        try {
            if (key == null || !key.isValid()) {
                key = channel.register(selector, op, new Interest(label));
            } else {
                key.interestOps(key.interestOps() | op);
            }
        } catch (ClosedChannelException e) {
            throw new IllegalStateException("channel is closed", e);
        }
        ((Interest) key.attachment()).set(op, callback, persistent);
    }

    /** Stops watching {@code channel} for {@code op}. */
    void unwatch(SelectableChannel channel, int op) {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            key.interestOps(key.interestOps() & ~op);
            ((Interest) key.attachment()).set(op, null, false);
        }
    }

    /** Closes {@code channel} and queues whoever waits on it: their waits fail with ClosedChannelException. */
    void closeChannel(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (key != null) {
            ((Interest) key.attachment()).fireAll(ready);
        }
    }

    /** The label of {@code channel}'s registration, or null when it is not watched. */
    String labelOf(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key == null ? null : ((Interest) key.attachment()).label;
    }

    /**
     * What the OS watches now, one "label: op op" per channel watched for something: the first {@code most}, then how
     * many more channels are registered (not walked: a pass must not cost the number of connections).
     */
    void describeWatching(List<String> into, int most) {
        int seen = 0;
        for (SelectionKey key : selector.keys()) {
            if (into.size() == most) {
                into.add("and " + (selector.keys().size() - seen) + " more channels registered");
                return;
            }
            seen++;
            if (key.isValid() && key.interestOps() != 0) {
                into.add(((Interest) key.attachment()).label + ": " + ops(key.interestOps()));
            }
        }
    }

    /** Channels registered with the selector now (for tests and leak checks). */
    int registered() {
        return selector.isOpen() ? selector.keys().size() : 0;
    }

    /** Closes every registered channel and the selector. */
    void closeAll() {
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException ignored) {
                // best effort: the selector closes next
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    static String ops(int ops) {
        StringBuilder names = new StringBuilder();
        if ((ops & SelectionKey.OP_ACCEPT) != 0) {
            names.append("accept ");
        }
        if ((ops & SelectionKey.OP_CONNECT) != 0) {
            names.append("connect ");
        }
        if ((ops & SelectionKey.OP_READ) != 0) {
            names.append("read ");
        }
        if ((ops & SelectionKey.OP_WRITE) != 0) {
            names.append("write ");
        }
        return names.toString().strip();
    }

    /** A channel's callback, named after its channel and operation only when someone asks (never per select). */
    private static final class IoHandle extends Handle {

        private final Interest interest;
        private final int op;

        IoHandle(Runnable callback, Interest interest, int op) {
            super(callback);
            this.interest = interest;
            this.op = op;
        }

        @Override
        String name() {
            return interest.label + (op == 0 ? " closed" : " ready to " + ops(op));
        }
    }

    /**
     * The callbacks registered per operation of one channel; the selection key's attachment. Each registration gets
     * one {@link Handle}, queued again every time its channel is ready (asyncio's selector loop does the same), so a
     * ready channel costs the loop no allocation. Loop thread only.
     */
    private static final class Interest {

        private static final int[] OPS = {SelectionKey.OP_ACCEPT, SelectionKey.OP_CONNECT, SelectionKey.OP_READ,
                SelectionKey.OP_WRITE};
        private final String label;
        private final Handle[] handles = new Handle[OPS.length];
        private final boolean[] persistent = new boolean[OPS.length];

        Interest(String label) {
            this.label = label;
        }

        void set(int op, Runnable callback, boolean keep) {
            for (int i = 0; i < OPS.length; i++) {
                if ((op & OPS[i]) != 0) {
                    handles[i] = callback == null ? null : new IoHandle(callback, this, OPS[i]);
                    persistent[i] = keep;
                }
            }
        }

        String describeReady(SelectionKey key) {
            return label + ": " + (key.isValid() ? ops(key.readyOps()) : "closed");
        }

        void fire(SelectionKey key, ArrayDeque<Handle> ready) {
            if (!key.isValid()) {
                fireAll(ready);
                return;
            }
            int readyOps = key.readyOps();
            int interest = key.interestOps();
            int keep = interest;
            for (int i = 0; i < OPS.length; i++) {
                if ((readyOps & OPS[i]) != 0 && handles[i] != null) {
                    ready.add(handles[i]);
                    if (!persistent[i]) {
                        handles[i] = null;
                        keep &= ~OPS[i];
                    }
                }
            }
            if (keep != interest) {
                key.interestOps(keep);
            }
        }

        /** The channel is gone: run every waiting callback once, so waiters see the closed channel. */
        void fireAll(ArrayDeque<Handle> ready) {
            for (int i = 0; i < OPS.length; i++) {
                if (handles[i] != null) {
                    ready.add(new IoHandle(handles[i].callback, this, 0));
                    handles[i] = null;
                }
            }
        }
    }
}
