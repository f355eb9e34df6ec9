package concurrencylab.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import concurrencylab.Trace;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The trace and the picture of a timeline, from a hand-made one: their shape, escaping and limits. */
class TimelinePicturesTest {

    private static TimelineSnapshot sample(int lanes) {
        Timeline timeline = Timeline.start(100_000, "lab-run-0123abcd-");
        long t = System.nanoTime();
        for (int i = 0; i < lanes; i++) {
            Lane lane = timeline.lane(i % 2 == 0 ? "threads" : "tasks <&\"odd\">", "lane " + i);
            lane.interval(LaneState.GIL_WAIT, t, t + 2_000_000);
            lane.interval(LaneState.GIL_HELD, t + 2_000_000, t + 7_000_000, i);
            lane.instant(Mark.FORCED_SWITCH, t + 2_000_000);
        }
        Counter counter = timeline.counter("workers", "worker 1 cpu (cores)");
        counter.sample(t + 1_000_000, 0.5);
        counter.sample(t + 6_000_000, 1.0);
        timeline.end();
        return timeline.snapshot();
    }

    @Test
    void theTraceHasTheFieldsEveryPhNeedsAndNamesEveryLane() throws Exception {
        StringWriter out = new StringWriter();
        TraceEvents.write(sample(3), Map.of("runId", "r1"), out);

        Trace trace = Trace.parse(out.toString());
        assertThat(trace.root.get("otherData").get("runId").asString()).isEqualTo("r1");
        assertThat(trace.lanes).containsKeys("threads / lane 0", "tasks <&\"odd\"> / lane 1", "threads / lane 2");
        assertThat(trace.count("forced-switch")).isEqualTo(3);
        assertThat(trace.lanes.get("threads / lane 0")).extracting(Trace.Event::name)
                .contains("gil-wait", "gil-held");
        Trace.Event held = trace.lanes.get("threads / lane 2").stream().filter(e -> e.name().equals("gil-held"))
                .findFirst().orElseThrow();
        assertThat(held.dur()).as("microseconds").isEqualTo(5000.0);
        assertThat(held.n()).isEqualTo(2);
        assertThat(trace.counters.get("worker 1 cpu (cores)")).hasSize(2);
    }

    @Test
    void thePictureIsXmlWithARowPerLaneALegendAndTheCaption() throws Exception {
        String svg = TimelinePicture.svg(sample(3), "gil run <1>", List.of("C7 confirmed: one & only"));

        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("1200");
        assertThat(doc.getElementsByTagName("g").getLength()).isEqualTo(3);
        assertThat(svg).contains("gil-wait: waiting for the GIL").contains("gil-held: holding the GIL")
                .contains("C7 confirmed: one &amp; only").contains("gil run &lt;1&gt;").contains("polyline");
    }

    @Test
    void aLinkedGroupsRowsLeadWhereTheLinkSaysAndNoOtherRowDoes() throws Exception {
        String svg = TimelinePicture.svg(sample(3), "loop run", List.of(), Map.of("threads", "/runs/r1/loop?a=1&b=2"));

        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("a").getLength()).as("lanes 0 and 2 are threads").isEqualTo(2);
        assertThat(svg).contains("<a href=\"/runs/r1/loop?a=1&amp;b=2\" target=\"_top\"><g class=\"lane\">"
                + "<title>threads / lane 0: click to replay it</title>").contains("lane 0 \u25b8 replay")
                .contains("<title>tasks &lt;&amp;&quot;odd&quot;&gt; / lane 1</title>");
    }

    @Test
    void thePngIsTheSamePictureAsARasterImage() throws Exception {
        byte[] png = TimelinePicture.png(sample(3), "gil run", List.of("C7 confirmed"));
        var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        String svg = TimelinePicture.svg(sample(3), "gil run", List.of("C7 confirmed"));

        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).as("as tall as the SVG")
                .isEqualTo(Integer.parseInt(parse(svg).getDocumentElement().getAttribute("height")));
        int heldColour = Integer.parseInt(LaneState.GIL_HELD.colour().substring(1), 16);
        boolean found = false;
        for (int y = 0; y < image.getHeight() && !found; y++) {
            for (int x = 0; x < image.getWidth() && !found; x++) {
                found = (image.getRGB(x, y) & 0xffffff) == heldColour;
            }
        }
        assertThat(found).as("the gil-held colour is painted").isTrue();
    }

    @Test
    void beyondSixtyFourLanesTheRestAreSummarised() throws Exception {
        String svg = TimelinePicture.svg(sample(100), "many", List.of());

        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("g").getLength()).isEqualTo(TimelinePicture.MAX_ROWS);
        assertThat(svg).contains("36 more lanes not drawn");
    }

    @Test
    void anEmptyTimelineStillDrawsAndSaysSo() throws Exception {
        String svg = TimelinePicture.svg(TimelineSnapshot.EMPTY, "nothing", List.of());
        parse(svg);
        assertThat(svg).contains("nothing was recorded");
        StringWriter out = new StringWriter();
        TraceEvents.write(TimelineSnapshot.EMPTY, Map.of(), out);
        assertThat(Trace.parse(out.toString()).lanes).isEmpty();
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }
}
