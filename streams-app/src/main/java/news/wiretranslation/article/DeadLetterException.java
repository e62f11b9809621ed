package news.wiretranslation.article;

/**
 * Thrown by a pipeline step for a record that can never be processed. The processing exception handler turns
 * it into a dead letter carrying the original bytes; the stream goes on with the next record.
 */
public class DeadLetterException extends RuntimeException {
    private final DeadLetterReason reason;
    private final Stage stage;
    private final String articleId;
    private final String targetLanguage;

    public DeadLetterException(DeadLetterReason reason, Stage stage, String articleId, String targetLanguage,
                               String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.stage = stage;
        this.articleId = articleId;
        this.targetLanguage = targetLanguage;
    }

    public DeadLetterException(DeadLetterReason reason, Stage stage, String articleId, String message) {
        this(reason, stage, articleId, null, message, null);
    }

    public DeadLetterReason reason() {
        return reason;
    }

    public Stage stage() {
        return stage;
    }

    /** The article id, or null when the record could not be read that far. */
    public String articleId() {
        return articleId;
    }

    /** The target language concerned, or null when the failure concerns every target. */
    public String targetLanguage() {
        return targetLanguage;
    }
}
