package news.wiretranslation.topology;

import java.util.ArrayList;
import java.util.List;

import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;
import news.wiretranslation.translate.async.Ticket;

/**
 * One article of the translate step between its arrival and its emission: which of its texts are known (from the
 * memory) and which wait for the engine, and, once finished, what it becomes. Touched by the stream thread only.
 */
final class PendingTranslation {
    /** Where a text's translation came from. */
    enum Source { EMPTY, MEMORY, ENGINE, SHARED }

    /** One text's translation and where it came from; {@code spans} null when not yet looked for. */
    record Resolved(String text, String model, String detected, long billed, Source source, List<UntranslatedSpan> spans) {
    }

    private final PendingArticle article;
    ArticleTranslation.Request request;
    Resolved[] results;
    final List<Integer> missing = new ArrayList<>();
    Ticket ticket;
    TranslationOutcome outcome;
    boolean passedThrough;
    boolean deadLettered;
    long billed;

    PendingTranslation(PendingArticle article) {
        this.article = article;
    }

    PendingArticle article() {
        return article;
    }

    boolean isFinished() {
        return outcome != null;
    }

    List<String> texts() {
        return request == null ? List.of() : request.texts();
    }

    /** The texts still to be translated by the engine, in order. */
    List<String> missingTexts() {
        List<String> list = new ArrayList<>(missing.size());
        for (int i : missing) {
            list.add(request.texts().get(i));
        }
        return list;
    }
}
