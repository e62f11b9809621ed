package news.wiretranslation.translate.async;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** The queued texts of one lane, most urgent first. Guarded by the dispatcher's lock. */
final class LaneQueue {
    final PriorityQueue<TextJob> queue = new PriorityQueue<>(TextJob.MOST_URGENT_FIRST);
    /** Bytes of the queued texts, as sent. */
    long bytes;
    /** When the oldest queued text arrived: the lane is due when it has waited the linger. */
    long oldestNanos;

    void add(TextJob job) {
        if (queue.isEmpty() || job.enqueuedNanos - oldestNanos < 0) {
            oldestNanos = job.enqueuedNanos;
        }
        queue.add(job);
        bytes += job.bytes;
    }

    void remove(TextJob job) {
        if (queue.remove(job)) {
            bytes -= job.bytes;
        }
    }

    void reprioritize(TextJob job, int priority) {
        queue.remove(job);
        job.priority = priority;
        queue.add(job);
    }

    /** The most urgent texts that fit one request, marked in flight. */
    List<TextJob> take(long now, BatchLimits limits) {
        List<TextJob> batch = new ArrayList<>();
        long batchBytes = 0;
        while (!queue.isEmpty() && batch.size() < limits.maxTexts()) {
            TextJob next = queue.peek();
            if (!batch.isEmpty() && batchBytes + next.bytes > limits.maxTextBytes()) {
                break;
            }
            queue.poll();
            bytes -= next.bytes;
            batchBytes += next.bytes;
            next.state = TextJob.State.IN_FLIGHT;
            batch.add(next);
        }
        long oldest = now;
        for (TextJob job : queue) {
            if (job.enqueuedNanos - oldest < 0) {
                oldest = job.enqueuedNanos;
            }
        }
        oldestNanos = oldest;
        return batch;
    }
}
