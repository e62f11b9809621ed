package news.wiretranslation.topology;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the translate step did, summed over its tasks and targets: for logs, metrics and the benchmark.
 * Thread-safe; updated by stream threads only.
 */
public final class TranslationCounters {
    final LongAdder articles = new LongAdder();
    final LongAdder passedThrough = new LongAdder();
    final LongAdder translated = new LongAdder();
    final LongAdder fullyFromMemory = new LongAdder();
    final LongAdder deadLetters = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final LongAdder texts = new LongAdder();
    final LongAdder memoryTexts = new LongAdder();
    final LongAdder memoryCharacters = new LongAdder();
    final LongAdder sharedCharacters = new LongAdder();
    final LongAdder engineTexts = new LongAdder();
    final LongAdder engineCharacters = new LongAdder();
    final LongAdder billedCharacters = new LongAdder();
    final LongAdder sourceCharacters = new LongAdder();
    final LongAdder processNanos = new LongAdder();
    final LongAdder emitNanos = new LongAdder();
    final LongAdder backpressureNanos = new LongAdder();
    final LongAdder memoryEvictions = new LongAdder();
    final LongAdder flashWaitMillis = new LongAdder();
    final LongAdder flashWaited = new LongAdder();
    final LongAdder otherWaitMillis = new LongAdder();
    final LongAdder otherWaited = new LongAdder();

    /**
     * An immutable copy.
     *
     * @param sourceCharacters  characters of every text that needed translating (what a step without memory sends)
     * @param memoryCharacters  of those, taken from the translation memory
     * @param sharedCharacters  of those, translated once for several articles at the same moment
     * @param engineCharacters  of those, sent to the engine for this article
     * @param billedCharacters  what the engine billed for them
     * @param processNanos      stream-thread time in the step's process() (back-pressure waits included)
     * @param emitNanos         stream-thread time finishing and emitting articles
     */
    public record Snapshot(long articles, long passedThrough, long translated, long fullyFromMemory, long deadLetters,
                           long replayed, long texts, long memoryTexts, long memoryCharacters, long sharedCharacters,
                           long engineTexts, long engineCharacters, long billedCharacters, long sourceCharacters,
                           long processNanos, long emitNanos, long backpressureNanos, long memoryEvictions,
                           long flashWaitMillis, long flashWaited, long otherWaitMillis, long otherWaited) {
        /** Mean time flash articles (IPTC urgency 1) spent in the step, from accepted to emitted, in ms. */
        public double meanFlashWaitMillis() {
            return flashWaited == 0 ? 0 : (double) flashWaitMillis / flashWaited;
        }

        /** Mean time the other articles spent in the step, in ms. */
        public double meanOtherWaitMillis() {
            return otherWaited == 0 ? 0 : (double) otherWaitMillis / otherWaited;
        }

        public Snapshot minus(Snapshot e) {
            return new Snapshot(articles - e.articles, passedThrough - e.passedThrough, translated - e.translated,
                    fullyFromMemory - e.fullyFromMemory, deadLetters - e.deadLetters, replayed - e.replayed,
                    texts - e.texts, memoryTexts - e.memoryTexts, memoryCharacters - e.memoryCharacters,
                    sharedCharacters - e.sharedCharacters, engineTexts - e.engineTexts,
                    engineCharacters - e.engineCharacters, billedCharacters - e.billedCharacters,
                    sourceCharacters - e.sourceCharacters, processNanos - e.processNanos, emitNanos - e.emitNanos,
                    backpressureNanos - e.backpressureNanos, memoryEvictions - e.memoryEvictions,
                    flashWaitMillis - e.flashWaitMillis, flashWaited - e.flashWaited, otherWaitMillis - e.otherWaitMillis,
                    otherWaited - e.otherWaited);
        }
    }

    /** Counts an article the step emits: passed through, dead-lettered, or translated, and where its texts came from. */
    void finished(PendingTranslation state) {
        if (state.passedThrough) {
            passedThrough.increment();
            return;
        }
        if (state.deadLettered) {
            deadLetters.increment();
            return;
        }
        translated.increment();
        boolean allFromMemory = true;
        List<String> sources = state.texts();
        for (int i = 0; i < sources.size(); i++) {
            PendingTranslation.Resolved result = state.results[i];
            long chars = sources.get(i).length();
            if (result.source() == PendingTranslation.Source.EMPTY) {
                continue;
            }
            texts.increment();
            sourceCharacters.add(chars);
            switch (result.source()) {
                case MEMORY -> {
                    memoryTexts.increment();
                    memoryCharacters.add(chars);
                }
                case SHARED -> {
                    sharedCharacters.add(chars);
                    allFromMemory = false;
                }
                default -> {
                    engineTexts.increment();
                    engineCharacters.add(chars);
                    allFromMemory = false;
                }
            }
        }
        billedCharacters.add(state.billed);
        if (allFromMemory) {
            fullyFromMemory.increment();
        }
    }

    /** How long an article of this IPTC urgency spent in the step, from accepted to emitted. */
    void waited(int urgency, long millis) {
        if (urgency == 1) {
            flashWaitMillis.add(millis);
            flashWaited.increment();
        } else {
            otherWaitMillis.add(millis);
            otherWaited.increment();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(articles.sum(), passedThrough.sum(), translated.sum(), fullyFromMemory.sum(),
                deadLetters.sum(), replayed.sum(), texts.sum(), memoryTexts.sum(), memoryCharacters.sum(),
                sharedCharacters.sum(), engineTexts.sum(), engineCharacters.sum(), billedCharacters.sum(),
                sourceCharacters.sum(), processNanos.sum(), emitNanos.sum(), backpressureNanos.sum(),
                memoryEvictions.sum(), flashWaitMillis.sum(), flashWaited.sum(), otherWaitMillis.sum(), otherWaited.sum());
    }
}
