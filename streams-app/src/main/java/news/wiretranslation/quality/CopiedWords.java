package news.wiretranslation.quality;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.wiretranslation.article.Detection;
import news.wiretranslation.detect.LanguageDetector;
import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;

/**
 * Finds the words an engine left in the source language by comparing the translation with its source, instead of
 * running a language detector over every sentence: an untranslated word is one the translation copied from the
 * source, or two source words glued into one (Apertium's {@code hadeclarado} for {@code ha declarado}). Copied words
 * are most often right (names, numbers, words both languages share: "hectares", "para"), so a copied word counts
 * only when it is at least {@value #MIN_LETTERS} letters long, not an acronym, and
 * <ul>
 *   <li>written in lower case (capitalised words are taken for names),</li>
 *   <li>not a word of the target language's list ({@link Vocabulary}, when it has one),</li>
 *   <li>and placed in the source language, alone, by a detector choosing between the pair's two languages with a
 *       margin of at least {@code minMargin}.</li>
 * </ul>
 * A phrase copied whole (three or more adjacent copied words whose lower-case words, two or more, are source words
 * the target does not use) is untranslated with its names and short words; this needs both languages' lists. Neighbouring untranslated words, and the copied words between them, make one span: the words are named, never a
 * sentence around them that the engine did translate.
 *
 * <p>Cost: two tokenizations and set look-ups per text, and a detection among two languages per copied lower-case
 * word that is not in the target's list (a handful an article). Thread-safe when the detector is.
 */
final class CopiedWords {
    static final int MIN_LETTERS = 4;
    static final int MIN_PHRASE_WORDS = 3;
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{M}]*(?:['’-]\\p{L}[\\p{L}\\p{M}]*)*");

    private final LanguageDetector detector;
    private final double minMargin;

    /**
     * @param detector  asked, among the pair's two languages, about copied lower-case words not in the target's list
     * @param minMargin the confidence (a narrowed detector's raw margin) at or above which its answer "source
     *                  language" stands
     */
    CopiedWords(LanguageDetector detector, double minMargin) {
        this.detector = detector;
        this.minMargin = minMargin;
    }

    List<UntranslatedSpan> find(String source, String translation, String sourceLanguage, String targetLanguage) {
        List<String> sourceWords = words(source).stream().map(w -> w.text).toList();
        Set<String> copyable = new HashSet<>(sourceWords);
        Set<String> glued = new HashSet<>();
        for (int i = 0; i + 1 < sourceWords.size(); i++) {
            glued.add((sourceWords.get(i) + sourceWords.get(i + 1)).toLowerCase(Locale.ROOT));
        }
        LanguageDetector pair = detector.among(Set.of(sourceLanguage, targetLanguage));
        Optional<Set<String>> targetWordsKnown = Vocabulary.of(targetLanguage);
        List<Word> words = words(translation);
        boolean[] untranslated = new boolean[words.size()];
        boolean[] copied = new boolean[words.size()];
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).text;
            String lower = word.toLowerCase(Locale.ROOT);
            copied[i] = copyable.contains(word);
            if (!copied[i]) {
                untranslated[i] = word.length() >= 2 * MIN_LETTERS && glued.contains(lower);
            } else if (word.length() < MIN_LETTERS || word.equals(word.toUpperCase(Locale.ROOT))) {
                untranslated[i] = false; // short words and acronyms are shared far more often than not
            } else {
                // Capitalised words are taken for names: on the labelled set, every rule that flagged some of them
                // ("a word the source language also writes in lower case") flagged more names than words.
                untranslated[i] = isLowerCase(word) && targetWordsKnown.filter(known -> known.contains(lower)).isEmpty()
                        && inSourceLanguage(pair, word, sourceLanguage);
            }
        }
        Optional<Set<String>> sourceWordsKnown = Vocabulary.of(sourceLanguage);
        if (targetWordsKnown.isPresent() && sourceWordsKnown.isPresent()) {
            markCopiedPhrases(translation, words, copied, untranslated, sourceWordsKnown.get(), targetWordsKnown.get());
        }
        return spans(translation, words, untranslated, copied);
    }

    private boolean inSourceLanguage(LanguageDetector pair, String word, String sourceLanguage) {
        return pair.detect(word).filter(d -> d.language().equals(sourceLanguage))
                .map(Detection::confidence).filter(c -> c > 0 && c >= minMargin).isPresent();
    }

    /**
     * A phrase left whole: at least {@value #MIN_PHRASE_WORDS} adjacent copied words holding two or more lower-case
     * words of the source language's list that the target's does not hold, whatever their length, and no lower-case
     * word the target's holds ("[en Russie ou en Crimée]" in English; "de", "la" are English words too). It is
     * untranslated from its first such word to its last, with the names between.
     */
    private static void markCopiedPhrases(String text, List<Word> words, boolean[] copied, boolean[] untranslated,
                                          Set<String> sourceWords, Set<String> targetWords) {
        int i = 0;
        while (i < words.size()) {
            if (!copied[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < words.size() && copied[end + 1] && adjacent(text, words.get(end), words.get(end + 1))) {
                end++;
            }
            int first = -1;
            int last = -1;
            int foreign = 0;
            boolean shared = false;
            for (int j = i; j <= end; j++) {
                String word = words.get(j).text;
                String lower = word.toLowerCase(Locale.ROOT);
                if (!isLowerCase(word)) {
                    continue;
                }
                if (targetWords.contains(lower)) {
                    shared = true;
                } else if (sourceWords.contains(lower)) {
                    foreign++;
                    first = first < 0 ? j : first;
                    last = j;
                }
            }
            if (end - i + 1 >= MIN_PHRASE_WORDS && foreign >= 2 && !shared) {
                // A name right after a short source word ("en Crimée") belongs to the phrase; one after a longer
                // word ("arabophone Assahifa") is the name the phrase speaks of, left as it is.
                if (last < end && words.get(last).text.length() <= 3) {
                    last++;
                }
                java.util.Arrays.fill(untranslated, first, last + 1, true);
            }
            i = end + 1;
        }
    }

    /**
     * Neighbouring untranslated words make one span, with the copied words between them (a sentence left in the
     * source language is one flag, not one per word, and names its words from the first untranslated one to the last);
     * a span ends at anything but spaces or a comma between two words.
     */
    private static List<UntranslatedSpan> spans(String text, List<Word> words, boolean[] untranslated, boolean[] copied) {
        List<UntranslatedSpan> spans = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            if (!untranslated[i]) {
                i++;
                continue;
            }
            int last = i;
            for (int j = i + 1; j < words.size() && copied[j] && adjacent(text, words.get(j - 1), words.get(j)); j++) {
                if (untranslated[j]) {
                    last = j;
                }
            }
            spans.add(new UntranslatedSpan(words.get(i).start, text.substring(words.get(i).start, words.get(last).end)));
            i = last + 1;
        }
        return spans;
    }

    private static boolean adjacent(String text, Word before, Word after) {
        String between = text.substring(before.end, after.start).strip();
        return between.isEmpty() || between.equals(",");
    }

    private static boolean isLowerCase(String word) {
        return Character.isLowerCase(word.codePointAt(0));
    }

    private record Word(String text, int start, int end) {
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(new Word(matcher.group(), matcher.start(), matcher.end()));
        }
        return words;
    }
}
