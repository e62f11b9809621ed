package news.wiretranslation.translate.async;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/** Counters of a {@link TranslationDispatcher}, for logs, metrics and the benchmark. Thread-safe. */
public final class DispatcherStats {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong failedRequests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong textsSent = new AtomicLong();
    final AtomicLong charactersSent = new AtomicLong();
    final AtomicLong billedCharacters = new AtomicLong();
    final AtomicLong sharedTexts = new AtomicLong();
    final AtomicLong submittedTexts = new AtomicLong();
    final AtomicLong requestNanos = new AtomicLong();
    final AtomicLong queueWaitNanos = new AtomicLong();
    final AtomicLong backpressureWaits = new AtomicLong();
    final LongAccumulator maxTextsPerRequest = new LongAccumulator(Math::max, 0);
    final LongAccumulator maxBytesPerRequest = new LongAccumulator(Math::max, 0);

    /** An immutable copy of the counters. */
    public record Snapshot(long requests, long failedRequests, long retries, long textsSent, long charactersSent,
                           long billedCharacters, long sharedTexts, long submittedTexts, long requestNanos,
                           long queueWaitNanos, long backpressureWaits, long maxTextsPerRequest,
                           long maxBytesPerRequest) {
        public double meanTextsPerRequest() {
            return requests == 0 ? 0 : (double) textsSent / requests;
        }

        public double meanRequestMillis() {
            return requests + failedRequests == 0 ? 0 : requestNanos / 1e6 / (requests + failedRequests);
        }

        public double meanQueueWaitMillis() {
            return textsSent == 0 ? 0 : queueWaitNanos / 1e6 / textsSent;
        }

        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(requests - earlier.requests, failedRequests - earlier.failedRequests,
                    retries - earlier.retries, textsSent - earlier.textsSent, charactersSent - earlier.charactersSent,
                    billedCharacters - earlier.billedCharacters, sharedTexts - earlier.sharedTexts,
                    submittedTexts - earlier.submittedTexts, requestNanos - earlier.requestNanos,
                    queueWaitNanos - earlier.queueWaitNanos, backpressureWaits - earlier.backpressureWaits,
                    maxTextsPerRequest, maxBytesPerRequest);
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.get(), failedRequests.get(), retries.get(), textsSent.get(),
                charactersSent.get(), billedCharacters.get(), sharedTexts.get(), submittedTexts.get(),
                requestNanos.get(), queueWaitNanos.get(), backpressureWaits.get(), maxTextsPerRequest.get(),
                maxBytesPerRequest.get());
    }
}
