package concurrencylab.eventloop;

import concurrencylab.gil.GlobalInterpreterLock;
import concurrencylab.gil.SwitchReason;

/**
 * The simulated GIL as the loop's {@link LoopLock}: the loop thread, a Python thread, holds it while it runs
 * callbacks, releases it around select (a blocking call, as CPython's selectors do around epoll), and between two
 * callbacks hands it over when another thread has asked for it (CPython's eval breaker). Loop thread only.
 */
public final class GilLoopLock implements LoopLock {

    private final GlobalInterpreterLock gil;

    public GilLoopLock(GlobalInterpreterLock gil) {
        this.gil = gil;
    }

    @Override
    public void beforeSelect() {
        if (gil.isHeldByCurrentThread()) {
            try {
                gil.release(SwitchReason.IO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // released all the same; the select returns at once
            }
        }
    }

    @Override
    public void afterSelect() throws InterruptedException {
        gil.acquire();
    }

    @Override
    public void betweenCallbacks() throws InterruptedException {
        if (gil.isHeldByCurrentThread()) {
            gil.tick();
        }
    }
}
