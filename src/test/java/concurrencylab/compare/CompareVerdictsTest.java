package concurrencylab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.experiment.Verdict;
import concurrencylab.experiment.Verdict.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** C15, C16 and C17 on made-up matrices: each confirmed, and each false for the reason a control would give. */
class CompareVerdictsTest {

    private static final List<String> ALL_MODELS = List.of("sequential", "threads", "virtual-threads", "gil-threads",
            "processes", "coroutines", "coroutines+processes");

    /** A matrix as 2 free cores would measure it: 4 tasks of 200 ms. */
    private static Map<String, double[]> typical() {
        // model -> {cpu speedup, cpu cores busy, io speedup, mixed p99 ms, cpu loop lag ms}
        return new java.util.LinkedHashMap<>(Map.of(
                "sequential", new double[] {1, 1, 1, 830, Double.NaN},
                "threads", new double[] {1.9, 1.95, 3.9, 6, Double.NaN},
                "virtual-threads", new double[] {1.85, 1.95, 3.95, 7, Double.NaN},
                "gil-threads", new double[] {0.95, 1.05, 3.9, 18, Double.NaN},
                "processes", new double[] {1.6, 1.9, 3.3, 9, Double.NaN},
                "coroutines", new double[] {1.0, 1.02, 3.95, 750, 790},
                "coroutines+processes", new double[] {1.6, 1.88, 3.95, 8, 5}));
    }

    private static CompareDetails details(Map<String, double[]> rows, int cores, String pinnedTo,
            List<String> workloads, double switchMs, double aloneMs) {
        List<Cell> matrix = new ArrayList<>();
        rows.forEach((model, v) -> {
            for (String workload : workloads) {
                Double lag = Double.isNaN(v[4]) ? null : v[4];
                matrix.add(switch (workload) {
                    case "cpu" -> new Cell(model, workload, 0.8 / v[0], v[0], 0.8 / v[0] * v[1], v[1], 0.05, null, null,
                            lag, null);
                    case "io" -> new Cell(model, workload, 0.8 / v[2], v[2], 0.01, 0.05, 0.05, null, null, null, null);
                    default -> new Cell(model, workload, 0.8, null, 0.8, 1, 0.05, v[3], v[3] / aloneMs, lag, null);
                });
            }
        });
        return new CompareDetails(4, 200, 800, cores, pinnedTo, switchMs,
                new CompareDetails.Mixed(3, 25, 30, 1, aloneMs), List.copyOf(rows.keySet()), workloads, matrix);
    }

    private static CompareDetails typicalDetails() {
        return details(typical(), 2, null, List.of("cpu", "io", "mixed"), 5, 2);
    }

    @Test
    void aTypicalMatrixConfirmsAllThree() {
        List<Verdict> verdicts = CompareVerdicts.of(typicalDetails());

        assertThat(verdicts).extracting(Verdict::claim).containsExactly("C15", "C16", "C17");
        assertThat(verdicts).allSatisfy(v -> assertThat(v.outcome()).as(v.evidence()).isEqualTo(Outcome.CONFIRMED));
        assertThat(verdicts.get(0).evidence()).contains("gil-threads 0.95", "processes 3.30");
        assertThat(verdicts.get(1).evidence()).contains("threads 6.0 ms", "coroutines 750.0 ms");
        assertThat(verdicts.get(2).evidence()).contains("speedup 1.60", "lag p99 5.0 ms");
    }

    @Test
    void onOneCoreTheParallelHalvesCannotShowAndSaySo() {
        Map<String, double[]> rows = typical();
        for (String model : List.of("threads", "virtual-threads", "processes", "coroutines+processes")) {
            rows.get(model)[0] = 0.97;
            rows.get(model)[1] = 1.0;
        }
        CompareDetails d = details(rows, 1, "0", List.of("cpu", "io", "mixed"), 5, 2);

        Verdict c15 = CompareVerdicts.concurrencyIsNotParallelism(d);
        Verdict c17 = CompareVerdicts.loopOffloadsToProcesses(d);
        assertThat(c15.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(c15.evidence()).contains("needs 2 cores", "pinned to CPU 0", "the io half held");
        assertThat(c17.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(c17.evidence()).contains("needs 2 cores", "pinned to CPU 0");
        assertThat(CompareVerdicts.preemptiveStaysResponsive(d).confirmed()).as("time slicing on one core").isTrue();
    }

    @Test
    void c15IsNotShownWhenAWaitDidNotOverlapOrTheGilGainedOnCpu() {
        Map<String, double[]> slowIo = typical();
        slowIo.get("coroutines")[2] = 1.1;
        Map<String, double[]> gilGained = typical();
        gilGained.get("gil-threads")[0] = 1.8;
        gilGained.get("gil-threads")[1] = 1.9;

        Verdict a = CompareVerdicts.concurrencyIsNotParallelism(details(slowIo, 2, null, List.of("cpu", "io"), 5, 2));
        Verdict b = CompareVerdicts.concurrencyIsNotParallelism(details(gilGained, 2, null, List.of("cpu", "io"), 5, 2));
        assertThat(a.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(a.evidence()).contains("did not overlap the waits of coroutines");
        assertThat(b.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(b.evidence()).contains("gil-threads gained on cpu");
    }

    @Test
    void c15SaysMachineBusyWhenOtherProgramsTookTheCoresDuringTheCpuColumn() {
        Map<String, double[]> rows = typical();
        rows.get("processes")[0] = 1.1;
        rows.get("processes")[1] = 1.2;
        rows.get("coroutines+processes")[0] = 1.1;
        rows.get("coroutines+processes")[1] = 1.2;
        CompareDetails d = details(rows, 2, null, List.of("cpu", "io"), 5, 2);
        List<Cell> matrix = new ArrayList<>(d.matrix());
        matrix.replaceAll(c -> c.model().equals("sequential") && c.workload().equals("cpu")
                ? new Cell(c.model(), c.workload(), c.wallSeconds(), c.speedup(), c.cpuSeconds(), c.coresBusy(), 0.8,
                        null, null, c.loopLagP99Ms(), null) : c);
        CompareDetails busy = new CompareDetails(4, 200, 800, 2, null, 5, d.mixed(), d.models(), d.workloads(), matrix);

        Verdict v = CompareVerdicts.concurrencyIsNotParallelism(busy);
        assertThat(v.outcome()).as(v.evidence()).isEqualTo(Outcome.MACHINE_BUSY);
        assertThat(CompareVerdicts.concurrencyIsNotParallelism(d).outcome()).isEqualTo(Outcome.NOT_SHOWN);
    }

    @Test
    void aSlowSequentialCellConfirmsNothingAndOnOneCoreStillCannotShow() {
        Map<String, double[]> twoCores = typical();
        twoCores.get("coroutines")[0] = 1.9; // one core busy: the baseline was slow, not the GIL gone
        Verdict slow = CompareVerdicts.concurrencyIsNotParallelism(details(twoCores, 2, null, List.of("cpu", "io"), 5,
                2));
        assertThat(slow.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(slow.evidence()).contains("coroutines gained more on cpu than their busy cores allow");

        Map<String, double[]> oneCore = typical();
        for (String model : List.of("threads", "virtual-threads", "processes", "coroutines+processes", "gil-threads",
                "coroutines")) {
            oneCore.get(model)[0] = 1.45; // all on one core, against a slow sequential cell
            oneCore.get(model)[1] = 1.0;
        }
        Verdict pinned = CompareVerdicts.concurrencyIsNotParallelism(details(oneCore, 1, "0", List.of("cpu", "io"), 5,
                2));
        assertThat(pinned.outcome()).as(pinned.evidence()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(pinned.evidence()).contains("the sequential cell ran slow");
    }

    @Test
    void c15NeverConfirmsASpeedupTheBusyCoresCannotGive() {
        Map<String, double[]> rows = typical();
        rows.get("threads")[0] = 3.5; // with 1.95 cores busy: impossible
        Verdict v = CompareVerdicts.concurrencyIsNotParallelism(details(rows, 2, null, List.of("cpu", "io"), 5, 2));
        assertThat(v.confirmed()).isFalse();
        assertThat(v.evidence()).contains("threads did not pass");
    }

    @Test
    void c15AndC17CannotShowWithoutTheColumnsOrModelsTheyCompare() {
        CompareDetails ioOnly = details(typical(), 2, null, List.of("io"), 5, 2);
        Map<String, double[]> noGil = typical();
        noGil.remove("gil-threads");
        noGil.remove("coroutines");

        assertThat(CompareVerdicts.concurrencyIsNotParallelism(ioOnly).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(CompareVerdicts.loopOffloadsToProcesses(ioOnly).outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(CompareVerdicts.concurrencyIsNotParallelism(details(noGil, 2, null, List.of("cpu", "io"), 5, 2))
                .evidence()).contains("and one without");
    }

    @Test
    void c16IsNotShownWhenTheGilHardlyPreemptsOrTheCoroutinesWereNotHeldUp() {
        Map<String, double[]> longInterval = typical();
        longInterval.get("gil-threads")[3] = 420;
        Map<String, double[]> noStall = typical();
        noStall.get("coroutines")[3] = 30;

        Verdict a = CompareVerdicts.preemptiveStaysResponsive(details(longInterval, 2, null, List.of("mixed"), 200, 2));
        Verdict b = CompareVerdicts.preemptiveStaysResponsive(details(noStall, 2, null, List.of("mixed"), 5, 2));
        assertThat(a.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(a.evidence()).contains("gil-threads let the I/O wait", "responsive within 200.0 ms");
        assertThat(b.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(b.evidence()).contains("not held up by the hog");
    }

    @Test
    void c16CannotShowWithoutMixedOrWithAHogTooShortToTell() {
        assertThat(CompareVerdicts.preemptiveStaysResponsive(details(typical(), 2, null, List.of("cpu"), 5, 2))
                .outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        Verdict shortHog = CompareVerdicts.preemptiveStaysResponsive(details(typical(), 2, null, List.of("mixed"), 5,
                60));
        assertThat(shortHog.outcome()).isEqualTo(Outcome.CANNOT_SHOW);
        assertThat(shortHog.evidence()).contains("too short");
    }

    @Test
    void c17IsNotShownWhenTheLoopLaggedOrTheProcessesDidNotUseTheCores() {
        Map<String, double[]> lagging = typical();
        lagging.get("coroutines+processes")[4] = 180;
        Map<String, double[]> flat = typical();
        flat.get("coroutines+processes")[0] = 1.1;
        flat.get("coroutines+processes")[1] = 1.2;

        Verdict a = CompareVerdicts.loopOffloadsToProcesses(details(lagging, 2, null, List.of("cpu"), 5, 2));
        Verdict b = CompareVerdicts.loopOffloadsToProcesses(details(flat, 2, null, List.of("cpu"), 5, 2));
        assertThat(a.outcome()).isEqualTo(Outcome.NOT_SHOWN);
        assertThat(a.evidence()).contains("the loop lagged");
        assertThat(b.confirmed()).isFalse();
        assertThat(b.evidence()).contains("did not use the cores");
    }

    @Test
    void mixedIoAsksTheGilForAtMostHalfOfWhatItCanGiveAndStillOverlapsTheHog() {
        assertThat(Setup.periodFor(3, Duration.ofMillis(5), Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(30));
        assertThat(Setup.periodFor(1, Duration.ofMillis(1), Duration.ofMillis(800))).isEqualTo(Duration.ofMillis(10));
        assertThat(Setup.periodFor(3, Duration.ofMillis(200), Duration.ofMillis(800)))
                .as("an eighth of the hog at most").isEqualTo(Duration.ofMillis(100));
        assertThat(Setup.opsFor(Duration.ofMillis(800), Duration.ofMillis(30))).isEqualTo(25);
        assertThat(Setup.opsFor(Duration.ofMillis(40), Duration.ofMillis(10))).isEqualTo(2);
    }

    @Test
    void theMatrixPictureHasACellPerModelAndWorkloadLinkedToItsTimeline() throws Exception {
        CompareDetails d = typicalDetails();
        MatrixPicture picture = new MatrixPicture(d, CompareVerdicts.of(d));
        String svg = picture.svg();

        var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(document.getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(21);
        assertThat(svg.split("class=\"cell\"", -1)).hasSize(22);
        assertThat(svg).contains("3.90\u00d7", "p99 750 ms", "C15 confirmed", "C17 confirmed", "asyncio");
        assertThat(MatrixPicture.speedupColour(4.0, 4)).isEqualTo("#6cc06c");
        assertThat(MatrixPicture.latencyColour(1.0)).isEqualTo("#8fd18f");
        assertThat(MatrixPicture.latencyColour(500.0)).isEqualTo("#e06c60");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(picture.png()));
        assertThat(png.getWidth()).isEqualTo(1000);
        assertThat(png.getHeight()).as("the same layout as the SVG").isEqualTo(
                Integer.parseInt(svg.replaceFirst("(?s).*?height=\"(\\d+)\".*", "$1")));
    }
}
