package news.wiretranslation.cli;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.avro.Translation;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code --format text}: a block per record for a person watching the pipeline. An article shows whether and how
 * it was machine-translated before its text, so the label is the first thing read; a dead letter shows why it
 * failed and where its original is, which is what is needed to fix and replay it.
 */
final class TextPrinter implements RecordPrinter {
    /** Paragraphs shown per article: enough to judge a translation, short enough to follow a busy topic. */
    static final int PARAGRAPHS_SHOWN = 3;
    private static final int RAW_BODY_CHARS = 300;

    private final PrintWriter out;

    TextPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(RecordPosition where, SpecificRecord value) {
        if (value instanceof Article article) {
            article(where, article);
        } else if (value instanceof DeadLetter deadLetter) {
            deadLetter(where, deadLetter);
        } else if (value instanceof RawArticle raw) {
            raw(where, raw);
        }
        out.println();
        out.flush();
    }

    private void article(RecordPosition where, Article article) {
        out.printf("=== ARTICLE %s  version %d  %s  [%s]%n", article.getId(), article.getVersion(), article.getLanguage(), where);
        Translation translation = article.getTranslation();
        if (article.getMachineTranslated() && translation != null) {
            String model = translation.getEngineModel() == null ? "" : " (" + translation.getEngineModel() + ")";
            out.printf("Machine-translated by %s%s from %s, detection confidence %s%n", translation.getEngine(), model,
                    translation.getSourceLanguage(), decimal(translation.getDetectionConfidence()));
        } else {
            out.printf("Original language, not machine-translated (detected %s, confidence %s)%n",
                    article.getDetectedLanguage(), decimal(article.getDetectionConfidence()));
        }
        out.printf("Source:   %s, published %s%s%n", article.getSource(), article.getVersionCreated(),
                article.getOriginalUrl() == null ? "" : ", " + article.getOriginalUrl());
        out.printf("Headline: %s%n", article.getHeadline());
        List<String> body = article.getBody();
        for (String paragraph : body.subList(0, Math.min(PARAGRAPHS_SHOWN, body.size()))) {
            out.printf("%n    %s%n", paragraph);
        }
        if (body.size() > PARAGRAPHS_SHOWN) {
            out.printf("%n    [... %d more paragraph(s)]%n", body.size() - PARAGRAPHS_SHOWN);
        }
        if (translation != null) {
            out.printf("%nDisclaimer: %s%n", translation.getDisclaimer());
        }
    }

    private void deadLetter(RecordPosition where, DeadLetter letter) {
        out.printf("=== DEAD LETTER  [%s]%n", where);
        out.printf("Reason:   %s (stage %s)%n", letter.getReason(), letter.getStage());
        out.printf("Message:  %s%n", letter.getMessage());
        out.printf("Article:  %s (target language: %s)%n", orDash(letter.getArticleId()),
                letter.getTargetLanguage() == null ? "all" : letter.getTargetLanguage());
        out.printf("Original: %s/%d@%d, value %s, key %s%n", letter.getOriginalTopic(), letter.getOriginalPartition(),
                letter.getOriginalOffset(), size(letter.getOriginalValue()), size(letter.getOriginalKey()));
        out.printf("Failed:   %s (pipeline %s)%n", letter.getFailedAt(), letter.getPipelineVersion());
    }

    private void raw(RecordPosition where, RawArticle raw) {
        out.printf("=== RAW ARTICLE %s  revision %d  [%s]%n", raw.getId(), raw.getRevision(), where);
        out.printf("Source:   %s, declared language %s, urgency %s, published %s%n", raw.getSource(),
                orDash(raw.getDeclaredLanguage()), raw.getUrgency() == null ? "-" : raw.getUrgency(), raw.getPublishedAt());
        out.printf("Headline: %s%n", raw.getHeadline());
        String body = raw.getBody().strip();
        String start = body.length() > RAW_BODY_CHARS ? body.substring(0, RAW_BODY_CHARS) + "..." : body;
        out.printf("Body:     %s, %d characters: %s%n", raw.getBodyFormat(), body.length(), start.replaceAll("\\s+", " "));
    }

    private static String size(ByteBuffer bytes) {
        return bytes == null ? "none" : bytes.remaining() + " bytes";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
