package concurrencylab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CpuWorkTest {

    static CpuWork work;

    @BeforeAll
    static void calibrate() {
        work = new CpuWork(CpuCalibration.measure());
    }

    @Test
    void theKernelIsDeterministicAndDependsOnItsInput() {
        assertThat(CpuKernel.spin(1000, 42)).isEqualTo(CpuKernel.spin(1000, 42));
        assertThat(CpuKernel.spin(1000, 42)).isNotEqualTo(CpuKernel.spin(1000, 43));
        assertThat(CpuKernel.spin(1001, 42)).isNotEqualTo(CpuKernel.spin(1000, 42));
    }

    @Test
    void workIsCutIntoTicksAndTheHookRunsBeforeEach() throws InterruptedException {
        AtomicLong hooks = new AtomicLong();

        work.run(Duration.ofMillis(20), hooks::incrementAndGet);

        assertThat(hooks.get()).isEqualTo(work.ticksFor(Duration.ofMillis(20)));
        assertThat(work.ticksFor(Duration.ofMillis(20))).isBetween(300L, 500L); // 20 ms of 50 us ticks, about 400
    }

    @Test
    void twiceTheWorkTakesAboutTwiceAsLong() throws InterruptedException {
        work.run(Duration.ofMillis(50), TickHook.INTERRUPTIBLE); // warm
        long once = time(Duration.ofMillis(100));
        long twice = time(Duration.ofMillis(200));

        assertThat((double) twice / once).isBetween(1.4, 3.0);
    }

    @Test
    void calibratedWorkTakesRoughlyItsNominalTimeAlone() throws InterruptedException {
        long nanos = time(Duration.ofMillis(200));
        // Loose on purpose: a shared machine may steal the core, but never makes the work faster than calibrated.
        assertThat(nanos / 1e6).isBetween(100.0, 1_000.0);
    }

    @Test
    void anInterruptStopsTheWorkAtTheNextTick() {
        Thread.currentThread().interrupt();
        try {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> work.run(Duration.ofSeconds(30), TickHook.INTERRUPTIBLE))
                    .isInstanceOf(InterruptedException.class);
            assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(1).toNanos());
        } finally {
            Thread.interrupted();
        }
    }

    private static long time(Duration duration) throws InterruptedException {
        long t0 = System.nanoTime();
        work.run(duration, TickHook.INTERRUPTIBLE);
        return System.nanoTime() - t0;
    }
}
