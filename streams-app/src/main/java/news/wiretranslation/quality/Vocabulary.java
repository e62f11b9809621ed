package news.wiretranslation.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words a language's running text uses, written in lower case, per language: the lists shipped in
 * {@code quality/vocabulary/<lang>.txt}, drawn from Universal Dependencies treebanks (see the README of
 * {@code src/test/resources/detection-eval} and {@code build_vocabulary.py}). A few thousand words each: enough to
 * tell a word both languages share ("hectares", "para") from one an engine left in the source language. Languages
 * without a list answer empty. Loaded once per language on first use; thread-safe.
 */
final class Vocabulary {
    private static final Map<String, Optional<Set<String>>> LISTS = new ConcurrentHashMap<>();

    private Vocabulary() {
    }

    /** The words of {@code language} (ISO 639-1), or empty when no list is shipped for it. */
    static Optional<Set<String>> of(String language) {
        return LISTS.computeIfAbsent(language, Vocabulary::load);
    }

    private static Optional<Set<String>> load(String language) {
        String resource = "/news/wiretranslation/quality/vocabulary/" + language.toLowerCase(Locale.ROOT) + ".txt";
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return Optional.of(Set.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
