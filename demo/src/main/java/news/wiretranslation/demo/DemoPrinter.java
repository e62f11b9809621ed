package news.wiretranslation.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;

/** Everything the demo shows a person: one block per result as it arrives, then a summary. */
final class DemoPrinter {
    private static final int HEADLINE_WIDTH = 70;
    private final PrintWriter out;

    DemoPrinter(PrintWriter out) {
        this.out = out;
    }

    void say(String line) {
        out.println(line);
        out.flush();
    }

    void article(int done, int expected, String topic, Article article, RawArticle original) {
        String language = original == null ? "?" : article.getDetectedLanguage();
        String confidence = String.format(Locale.ROOT, "%.2f", article.getDetectionConfidence());
        StringBuilder block = new StringBuilder();
        block.append(progress(done, expected)).append(' ').append(article.getId()).append(" v").append(article.getVersion())
                .append("  ").append(language).append(" (confidence ").append(confidence).append(") → ").append(topic)
                .append('\n');
        String originalHeadline = original == null ? "" : original.getHeadline();
        if (article.getMachineTranslated()) {
            var t = article.getTranslation();
            block.append("          ").append(shorten(originalHeadline)).append('\n')
                    .append("        → ").append(shorten(article.getHeadline())).append('\n')
                    .append("          machine-translated by ").append(t.getEngine())
                    .append(t.getEngineModel() == null ? "" : " (" + t.getEngineModel() + ")")
                    .append(" from ").append(t.getSourceLanguage())
                    // Apertium bills nothing: "billed 0" beside every offline translation would only puzzle.
                    .append(t.getBilledCharacters() > 0 ? ", billed " + t.getBilledCharacters() + " chars" : "")
                    .append("; disclaimer: \"").append(shorten(t.getDisclaimer())).append('"');
        } else {
            block.append("          ").append(shorten(article.getHeadline())).append('\n')
                    .append("          passed through: already in ").append(article.getLanguage()).append(", not machine-translated");
        }
        say(block.toString());
    }

    void deadLetter(int done, int expected, DeadLetter letter) {
        String target = letter.getTargetLanguage() == null ? "all targets" : letter.getTargetLanguage();
        say(progress(done, expected) + " " + (letter.getArticleId() == null ? "(unreadable record)" : letter.getArticleId())
                + "  DEAD LETTER → articles.dlq (" + target + ")\n"
                + "          " + letter.getReason() + " at " + letter.getStage() + ": " + shorten(letter.getMessage()));
    }

    void summary(ResultTracker results, CountingTranslator translator, Duration took) {
        Map<String, Integer> reasons = results.deadLetterReasons();
        int deadLettered = reasons.values().stream().mapToInt(Integer::intValue).sum();
        String reasonList = reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String topics = results.perTopic().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        say("");
        say("Summary");
        say(String.format(Locale.ROOT, "  articles in:            %d records", results.inputs()));
        say(String.format(Locale.ROOT, "  outputs:                %s", topics.isEmpty() ? "none" : topics));
        say(String.format(Locale.ROOT, "  translated:             %d", results.translated()));
        say(String.format(Locale.ROOT, "  passed through:         %d", results.passedThrough()));
        say(String.format(Locale.ROOT, "  dead-lettered:          %d%s", deadLettered, reasonList.isEmpty() ? "" : " (" + reasonList + ")"));
        say(String.format(Locale.ROOT, "  characters sent to MT:  %d in %d requests to %s (%s)",
                translator.charactersSent(), translator.requests(), translator.engine(), translator.billsCharacters()
                        ? "billed: " + translator.charactersBilled() : "it bills nothing: self-hosted"));
        say(String.format(Locale.ROOT, "  time taken:             %.1f s", took.toMillis() / 1000.0));
        say(String.format(Locale.ROOT, "  all results in:         %s (%d of %d)", results.complete() ? "yes" : "NO",
                results.settledCount(), results.expected()));
    }

    /** Before the offline run: what it shows, so that nobody takes it for all the product does. */
    void offlineIntroduction() {
        say("Offline, with Apertium: French, Italian, Portuguese and English articles, each translated directly into");
        say("Spanish (one installed language pair, no hop through a third language); Spanish ones pass through.");
    }

    /** After the offline run's summary: what the same feed gets with DeepL, in plain words. */
    void whatDeepLAdds(int leftOut) {
        say("");
        say("What DeepL would add (set DEEPL_AUTH_KEY and run the demo again):");
        say("  - English and German as targets, and every pair translated directly: Apertium reaches English from");
        say("    French only through Spanish, which reads badly, so this offline run translates into Spanish only;");
        say(String.format(Locale.ROOT, "  - the %d articles left out of this run: German ones, which Apertium cannot translate,", leftOut));
        say("    and Welsh and Georgian ones, which DeepL refuses too and the service dead-letters on arrival;");
        say("  - DeepL's glossaries, formality and billed-character figures.");
    }

    private static String progress(int done, int expected) {
        int width = String.valueOf(expected).length();
        return String.format(Locale.ROOT, "[%" + width + "d/%d]", done, expected);
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= HEADLINE_WIDTH ? text : text.substring(0, HEADLINE_WIDTH - 1) + "…";
    }
}
