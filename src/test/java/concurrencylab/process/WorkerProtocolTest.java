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
}
