package news.wiretranslation.review.web;

import java.time.Instant;
import java.util.List;

/** The queue of one target language: what waits for an editor, urgent stories on top, the newest first. */
public record QueuePage(DeskFrame frame, String language, List<Row> rows) {

    /** One waiting translation. */
    public record Row(String link, String headline, String source, String sourceLanguage, Integer urgency,
                      int revision, Instant published, int flags, String engine) {
        public boolean urgent() {
            return urgency != null && urgency <= 2;
        }
    }
}
