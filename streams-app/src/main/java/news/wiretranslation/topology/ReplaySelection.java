package news.wiretranslation.topology;

import news.wiretranslation.avro.Article;
import news.wiretranslation.config.TargetLanguage;

/**
 * What a replay instance (an instance with its own application id, beside the live service) reprocesses: which
 * input records, by partition and offset, for which target languages. The topology drops every other record before
 * detection, and marks what it writes with the {@value #HEADER} header, so that consumers can tell a reprocessed
 * record from the original (the Avro value is the same kind of record, with the same key).
 */
public interface ReplaySelection {
    /** Record header on every article a replay writes; its value is the replay's id (UTF-8). */
    String HEADER = "wire-translation-replay";

    /** Whether the input record at {@code partition}, {@code offset} is replayed for at least one target. */
    boolean selectsAny(int partition, long offset);

    /** Whether it is replayed for {@code target}. */
    boolean selects(TargetLanguage target, int partition, long offset);

    /** The replay's id: the value of the {@value #HEADER} header. */
    String replayId();

    /**
     * Asked before each article the replay would write (on a stream thread): false leaves it out, when a later
     * revision of the article has reached the input since the replay was planned (the live service writes that one,
     * and the older one must not follow it on the compacted output). Also counts for the replay's progress.
     */
    boolean write(TargetLanguage target, Article article);
}
