package news.wiretranslation.review.decision;

import java.time.Clock;
import java.time.Instant;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.ReviewAction;
import news.wiretranslation.avro.ReviewDecision;
import news.wiretranslation.avro.ReviewOutcome;
import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.config.BuildInfo;
import news.wiretranslation.review.queue.ItemKey;
import news.wiretranslation.review.queue.QueueState;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an editor's decision request, under the desk's exactly-once transactions: when the item still waits at the
 * revision the editor saw, an approval publishes it (to {@link #PUBLISH}) and a rejection does not; either way it
 * leaves the queue and its revision is settled. Every request, applied or not, gives one audit record (to
 * {@link #AUDIT}): a double click, a second editor or a retry finds the item gone and is audited as
 * {@code ALREADY_DECIDED}, publishing nothing.
 */
public final class DecisionProcessor implements Processor<String, ReviewRequest, String, SpecificRecord> {
    /** The child that writes published articles to their output topic. */
    public static final String PUBLISH = "publish-reviewed";
    /** The child that writes audit records to the decisions topic. */
    public static final String AUDIT = "write-decision";

    private static final Logger log = LoggerFactory.getLogger(DecisionProcessor.class);

    private final ReviewedArticle reviewed;
    private final Clock clock;
    private ProcessorContext<String, SpecificRecord> context;
    private QueueState state;

    public DecisionProcessor(ReviewedArticle reviewed, Clock clock) {
        this.reviewed = reviewed;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        state = QueueState.of(context);
    }

    @Override
    public void process(Record<String, ReviewRequest> record) {
        ReviewRequest request = record.value();
        if (request == null) {
            return;
        }
        String key = new ItemKey(request.getLanguage(), request.getStoryId()).text();
        Article waiting = state.waiting(key);
        Instant now = clock.instant();
        ReviewOutcome outcome;
        if (waiting != null && waiting.getVersion() == request.getRevision()) {
            if (request.getAction() == ReviewAction.APPROVE) {
                Article published = reviewed.approved(waiting, request, now);
                context.forward(record.withKey(published.getId()).withValue(published), PUBLISH);
                outcome = ReviewOutcome.PUBLISHED;
            } else {
                outcome = ReviewOutcome.REJECTED;
            }
            state.settle(key, request.getRevision());
        } else {
            if (state.isSettled(key, request.getRevision())) {
                outcome = ReviewOutcome.ALREADY_DECIDED;
            } else if (waiting != null && waiting.getVersion() > request.getRevision()) {
                outcome = ReviewOutcome.SUPERSEDED;
            } else {
                outcome = ReviewOutcome.NOT_WAITING;
            }
            waiting = null; // the audit names the item only when the decision applied to it
        }
        log.info("Review decision {} on {} revision {} by {}: {}", request.getAction(), key, request.getRevision(),
                request.getReviewer(), outcome);
        context.forward(record.withKey(request.getStoryId()).withValue(audit(request, outcome, waiting, now)), AUDIT);
    }

    private static ReviewDecision audit(ReviewRequest request, ReviewOutcome outcome, Article item, Instant now) {
        ReviewDecision.Builder audit = ReviewDecision.newBuilder()
                .setDecisionId(request.getRequestId())
                .setStoryId(request.getStoryId())
                .setLanguage(request.getLanguage())
                .setRevision(request.getRevision())
                .setAction(request.getAction().name())
                .setOutcome(outcome)
                .setReviewer(request.getReviewer())
                .setReason(request.getReason())
                .setRequestedAt(request.getRequestedAt())
                .setDecidedAt(now)
                .setPipelineVersion(BuildInfo.pipelineVersion());
        if (item != null) {
            audit.setItemUri(item.getUri());
            if (item.getTranslation() != null) {
                audit.setSettingsFingerprint(item.getTranslation().getSettingsFingerprint())
                        .setEngine(item.getTranslation().getEngine());
            }
            if (outcome == ReviewOutcome.PUBLISHED) {
                ReviewedArticle.Edits edits = ReviewedArticle.edits(item, request);
                audit.setHeadlineEdited(edits.headlineEdited()).setEditedParagraphs(edits.editedParagraphs().size());
            }
        }
        return audit.build();
    }
}
