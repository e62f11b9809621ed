package news.wiretranslation.quality.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import news.wiretranslation.detect.evaluation.TsvResource;

/**
 * One translation of the untranslated-fragment set ({@code src/test/resources/untranslated-eval}, see its README):
 * a source text, a real engine's translation of it, and the words of the translation that really stayed in the
 * source language (empty for a clean translation).
 */
public record LabelledTranslation(String sourceLanguage, String targetLanguage, String id, String source,
                                  String translation, Set<String> untranslated) {

    /** Reads one of the set's files from the test class path. */
    public static List<LabelledTranslation> load(String file) {
        return TsvResource.rows("/untranslated-eval/" + file).stream().map(f -> new LabelledTranslation(f[0], f[1], f[2],
                f[3], f[4], Arrays.stream(f[5].split("\\|")).filter(w -> !w.isBlank()).collect(Collectors.toSet())))
                .toList();
    }
}
