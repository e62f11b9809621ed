package news.wiretranslation.deadletter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import news.wiretranslation.article.DeadLetterReason;

/**
 * The outputs the broker refused under exactly-once, remembered until the input is processed again. A refused record
 * dooms its whole transaction (the producer will send nothing more in it, a dead letter included), so the refusal
 * cannot be dead-lettered where it is seen; the transaction aborts, the stream thread is replaced and the task
 * processes the same input again. The production handler remembers the refused article here (its story id, revision
 * and target language, which the output record carries) with the precise cause, and on that second pass the translate
 * step finds it and writes the dead letter instead of the article, so the pipeline moves on after one retry.
 *
 * <p>Per instance and in memory: when the task moves to another instance meanwhile, that instance meets the refusal
 * itself and converges the same way. Bounded ({@link #CAPACITY}, oldest forgotten first); an entry is kept after use,
 * so that an article refused again in a transaction that aborted for another reason is still recognised. Thread-safe:
 * the handler runs on the producer's thread, the translate steps on the stream threads.
 */
public final class OutputRefusals {
    /** The Kafka Streams setting under which the service hands this to the production handler (built by Kafka Streams). */
    public static final String CONFIG = "wire-translation.output-refusals";
    /** Refusals remembered at most; each is a few hundred bytes. */
    static final int CAPACITY = 10_000;

    /** A refused output: the dead-letter reason, the topic that refused it, the record's size and the broker's word. */
    public record Refusal(DeadLetterReason reason, String topic, long bytes, String cause) {
        /** The dead letter's message. */
        public String message() {
            return "The broker refused the record of " + bytes + " bytes for " + topic + " (" + cause + "); the "
                    + "transaction was aborted and the article dead-lettered when its input was processed again";
        }
    }

    private record Output(String articleId, int revision, String language) {
    }

    private final Map<Output, Refusal> refusals = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Output, Refusal> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Remembers that the output of this story revision in this language (a BCP 47 tag, as in the Article) was refused. */
    public synchronized void remember(String articleId, int revision, String language, Refusal refusal) {
        refusals.put(new Output(articleId, revision, normalized(language)), refusal);
    }

    /** The refusal of this story revision's output in this language, if one was seen. */
    public synchronized Optional<Refusal> find(String articleId, int revision, String language) {
        return Optional.ofNullable(refusals.get(new Output(articleId, revision, normalized(language))));
    }

    private static String normalized(String language) {
        return language.toLowerCase(java.util.Locale.ROOT);
    }
}
