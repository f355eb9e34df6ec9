package concurrencylab.eventloop;

import java.nio.channels.SelectableChannel;

/**
 * The future of {@link EventLoop#whenReady}: done when its channel is ready for its operation. Its description names
 * the channel and the operation ("read on client 3's socket"), worked out only when a recording asks. Loop-thread
 * confined, as every future.
 */
final class ChannelReady extends LoopFuture<Void> {

    private final SelectableChannel channel;
    private final int op;

    ChannelReady(EventLoop loop, SelectableChannel channel, int op) {
        super(loop);
        this.channel = channel;
        this.op = op;
    }

    @Override
    public String describe() {
        String label = loop.labelOf(channel);
        return LoopSelector.ops(op) + " on " + (label != null ? label : "a closed channel");
    }
}
