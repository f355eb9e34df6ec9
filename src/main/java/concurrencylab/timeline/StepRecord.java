package concurrencylab.timeline;

import java.util.List;

/**
 * A step-by-step record a run keeps beside its timeline, as long as the timeline is kept: the event loop's passes,
 * one by one. Bounded by the timeline's budget; a record says how many steps it saw and how many it dropped. Read
 * while the run goes on (a page is a consistent copy) and after.
 */
public interface StepRecord {

    /**
     * The name an event loop's passes are kept under, and the lane group its row is drawn in: the picture links that
     * row to the replay.
     */
    String LOOP = "loop";

    /**
     * The kept steps whose index is {@code from} or more, at most {@code limit} of them, in order.
     *
     * @return what was seen, kept and dropped in all, and the page of steps (each a record Jackson writes)
     */
    Page page(long from, int limit);

    /**
     * @param total    steps seen
     * @param recorded steps kept (first ones, last ones, slow ones)
     * @param dropped  steps seen and not kept: total - recorded
     * @param kept     which were kept, in words
     * @param steps    the page
     */
    record Page(long total, long recorded, long dropped, String kept, List<?> steps) {
    }
}
