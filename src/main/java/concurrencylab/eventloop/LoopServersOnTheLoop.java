package concurrencylab.eventloop;

import concurrencylab.sockets.DelayServer;
import concurrencylab.sockets.LoopServers;
import concurrencylab.timeline.Timeline;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import org.springframework.stereotype.Component;

/** The sockets experiment's event-loop server design: a {@link LoopDelayEchoServer} on a loop of its own. */
@Component
class LoopServersOnTheLoop implements LoopServers {

    @Override
    public Optional<String> unavailableReason() {
        return Coroutines.unavailableReason();
    }

    @Override
    public DelayServer start(Duration delay, ThreadFactory threads, Timeline timeline) throws IOException,
            InterruptedException {
        return LoopDelayEchoServer.start(delay, threads, LoopRecording.of(timeline, LoopLanes.of(timeline,
                LoopObserver.NONE)));
    }
}
