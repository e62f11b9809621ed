package news.wiretranslation.quality.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One translation of the untranslated-fragment set ({@code src/test/resources/untranslated-eval}, see its README):
 * a source text, a real engine's translation of it, and the words of the translation that really stayed in the
 * source language (empty for a clean translation).
 */
public record LabelledTranslation(String sourceLanguage, String targetLanguage, String id, String source,
                                  String translation, Set<String> untranslated) {

    /** Reads one of the set's files from the test class path. */
    public static List<LabelledTranslation> load(String file) {
        String resource = "/untranslated-eval/" + file;
        try (InputStream in = LabelledTranslation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<LabelledTranslation> rows = new ArrayList<>();
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                Set<String> words = Arrays.stream(f[5].split("\\|")).filter(w -> !w.isBlank()).collect(Collectors.toSet());
                rows.add(new LabelledTranslation(f[0], f[1], f[2], f[3], f[4], words));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
