package concurrencylab.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkerProtocolTest {

    @Test
    void aMessageSurvivesFormattingAndParsing() {
        var work = WorkerProtocol.message("WORK", "kind", "cpu", "tasks", 2, "gil", true);

        var parsed = WorkerProtocol.parse(work.format());

        assertThat(work.format()).isEqualTo("WORK kind=cpu tasks=2 gil=true");
        assertThat(parsed).isEqualTo(work);
        assertThat(parsed.longField("tasks")).isEqualTo(2);
    }

    @Test
    void linesThatAreNotTheProtocolAreRefusedWithTheLineInTheMessage() {
        assertThatThrownBy(() -> WorkerProtocol.parse("Segmentation fault (core dumped)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Segmentation fault");
        assertThatThrownBy(() -> WorkerProtocol.parse("RESULT pid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
        assertThatThrownBy(() -> WorkerProtocol.parse("READY").field("pid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks pid");
    }

    @Test
    void valuesMustBeOneWord() {
        assertThatThrownBy(() -> WorkerProtocol.message("ERROR", "message", "two words"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unprintableGarbageIsShownSafelyAndShort() {
        assertThat(WorkerProtocol.abbreviate("bell\u0007" + "x".repeat(200))).startsWith("bell?").hasSize(80);
    }

    @Test
    void everyOrderAndEveryReportSurvivesTheWireTyped() {
        var orders = java.util.List.<Order>of(
                new Order.Compute(3, java.time.Duration.ofMillis(400), 290_329, true, java.time.Duration.ofMillis(5)),
                new Order.Sleep(2, java.time.Duration.ofMillis(250)), new Order.Count(5_000_000),
                new Order.Echo(80, 41_234, java.time.Duration.ofMillis(30)),
                new Order.Misbehave(Order.Fault.GARBAGE));
        for (Order order : orders) {
            String line = WorkerProtocol.encode(order).format();
            assertThat(WorkerProtocol.order(WorkerProtocol.parse(line))).as(line).isEqualTo(order);
        }
        var reports = java.util.List.<WorkerReply>of(new WorkerReply.Ready(4711), new WorkerReply.Started(), new WorkerReply.Progress(2),
                new WorkerReply.Result(4711, 812_000_000, 803_000_000, 0, 5_000_000, 2),
                new WorkerReply.Result(4711, 1_000, 2_000, 0, 0, 0, new long[] {1_210_000, 1_187_000}),
                new WorkerReply.Failed("boom"));
        for (WorkerReply report : reports) {
            String line = WorkerProtocol.encode(report).format();
            assertThat(WorkerProtocol.report(WorkerProtocol.parse(line))).as(line).isEqualTo(report);
        }
        assertThat(WorkerProtocol.encode(new Order.Count(7)).format()).isEqualTo("WORK kind=count increments=7");
    }

    @Test
    void aFailureMessageWithSpacesTravelsAsOneWordAndUnknownKindsAreRefused() {
        var failed = WorkerProtocol.report(WorkerProtocol.parse(
                WorkerProtocol.encode(new WorkerReply.Failed("IllegalStateException: no  way")).format()));
        assertThat(failed).isEqualTo(new WorkerReply.Failed("IllegalStateException:_no_way"));
        assertThatThrownBy(() -> WorkerProtocol.order(WorkerProtocol.parse("WORK kind=gpu")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpu");
        assertThatThrownBy(() -> WorkerProtocol.report(WorkerProtocol.parse("HELLO pid=1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HELLO");
    }
}
