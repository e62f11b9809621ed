package news.wiretranslation.topology;

import java.nio.ByteBuffer;
import java.util.Set;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.DetectedArticle;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.logging.ArticleLog;
import news.wiretranslation.metrics.PipelineMetrics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through, per story, only a revision newer than the last one accepted, before translation: output topics are
 * compacted, so a late older revision published after a newer one would replace it for every reader.
 *
 * <ul>
 *   <li>a newer revision (or a story's first) is remembered and goes on;</li>
 *   <li>an older one is dead-lettered ({@code SUPERSEDED_REVISION}), with its original bytes: its text never reaches
 *       the output, and the producer may have meant it as a correction;</li>
 *   <li>the accepted revision again with other content ({@code REVISION_CONFLICT}, also the same id and revision in
 *       another language) is dead-lettered: the first one stands;</li>
 *   <li>the accepted revision again with the same content (a producer's retry) is not published again: counted in
 *       {@code wire_translation_revisions_skipped{reason="repeat"}} and logged.</li>
 * </ul>
 *
 * <p>The gate also remembers where in the input the accepted revision was read, so that it tells a producer's repeat
 * from the service reading its own input again (a {@code replay --mode reset}): the accepted record itself, read
 * again, goes on and is published again (what a reset after a fix is for); a record from before it in the same
 * partition was dealt with the first time and is skipped ({@code reason="reprocessed"}), so that a reset never
 * publishes a story's older revisions after its newer one.
 *
 * <p>The store ({@value #STORE}) is keyed by story id, one entry per story, and changelogged, so it moves with its
 * task and survives restarts; with exactly-once its writes commit with the outputs. It is correct because every
 * revision of a story reaches the same task: producers key the input by story id (the input's contract), so they land
 * on one partition. One store serves every target, since every target sees the same accepted revisions; and since
 * the translate step emits a story's revisions in arrival order, gating them at arrival keeps the outputs in order.
 * A replay instance has a store of its own, empty at its start (see the replay's planner for what it relies on).
 */
final class RevisionGate implements FixedKeyProcessor<String, DetectedArticle, DetectedArticle> {
    /** The store's name; its changelog is {@code <APPLICATION_ID>-story-revisions-changelog}. */
    static final String STORE = "story-revisions";
    static final String SKIPPED_REPEAT = "repeat";
    static final String SKIPPED_REPROCESSED = "reprocessed";

    private static final Logger log = LoggerFactory.getLogger(RevisionGate.class);

    private final PipelineMetrics metrics;
    private FixedKeyProcessorContext<String, DetectedArticle> context;
    private KeyValueStore<String, byte[]> accepted;

    private RevisionGate(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    /** The gate, with the store it declares. */
    static FixedKeyProcessorSupplier<String, DetectedArticle, DetectedArticle> supplier(PipelineMetrics metrics) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, DetectedArticle, DetectedArticle> get() {
                return new RevisionGate(metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(storeBuilder());
            }
        };
    }

    /** Cached: a story revised several times within a commit interval costs the changelog one entry. */
    static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, DetectedArticle> context) {
        this.context = context;
        this.accepted = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, DetectedArticle> record) {
        RawArticle raw = record.value().raw();
        String story = raw.getId();
        RevisionMark next = RevisionMark.of(raw);
        InputPosition position = context.recordMetadata()
                .map(m -> new InputPosition(m.partition(), m.offset())).orElse(InputPosition.UNKNOWN);
        byte[] stored = accepted.get(story);
        RevisionMark last = stored == null ? null : RevisionMark.decode(stored);
        InputPosition lastPosition = stored == null ? InputPosition.UNKNOWN : InputPosition.decode(stored);
        if (last != null && position.isBefore(lastPosition)) {
            skip(story, raw, SKIPPED_REPROCESSED, next + " read again, from before " + last
                    + ": dealt with when first read, not published again");
            return;
        }
        if (last != null && position.equals(lastPosition) && position.isKnown()) {
            context.forward(record); // the accepted record itself, read again: published again, as a reset asks
            return;
        }
        switch (next.after(last)) {
            case NEW -> {
                accepted.put(story, position.appendTo(next.encode()));
                context.forward(record);
            }
            case REPEAT -> skip(story, raw, SKIPPED_REPEAT, next + " again with the same content: already accepted, "
                    + "not published again");
            case SUPERSEDED -> throw new DeadLetterException(DeadLetterReason.SUPERSEDED_REVISION, Stage.REVISION, story,
                    "revision " + next.revision() + " arrived after " + last + " was accepted; publishing it would "
                            + "replace the newer one on the compacted outputs");
            case CONFLICT -> throw new DeadLetterException(DeadLetterReason.REVISION_CONFLICT, Stage.REVISION, story,
                    "revision " + next.revision() + " was accepted with other content (" + last.shortFingerprint()
                            + ", this one " + next.shortFingerprint() + "); the first stands: send changes as a new "
                            + "revision");
        }
    }

    private void skip(String story, RawArticle raw, String reason, String message) {
        metrics.revisionSkipped(reason);
        ArticleLog.event(log.atInfo(), story, raw.getRevision(), Stage.REVISION.label())
                .addKeyValue("skipped", reason)
                .log("Article {} {}", story, message);
    }

    /**
     * Where the accepted revision was read: partition and offset, kept after the revision mark in the store's value.
     * Offsets compare only within a partition; a story's records share one (the input is keyed by story id).
     */
    record InputPosition(int partition, long offset) {
        static final InputPosition UNKNOWN = new InputPosition(-1, -1);
        private static final int MARK_BYTES = 1 + Integer.BYTES + 32;

        boolean isKnown() {
            return partition >= 0 && offset >= 0;
        }

        boolean isBefore(InputPosition other) {
            return isKnown() && other.isKnown() && partition == other.partition && offset < other.offset;
        }

        byte[] appendTo(byte[] mark) {
            return ByteBuffer.allocate(mark.length + Integer.BYTES + Long.BYTES).put(mark).putInt(partition)
                    .putLong(offset).array();
        }

        static InputPosition decode(byte[] value) {
            if (value.length < MARK_BYTES + Integer.BYTES + Long.BYTES) {
                return UNKNOWN;
            }
            ByteBuffer in = ByteBuffer.wrap(value, MARK_BYTES, Integer.BYTES + Long.BYTES);
            return new InputPosition(in.getInt(), in.getLong());
        }
    }
}
