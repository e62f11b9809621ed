package news.wiretranslation.detect;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import news.wiretranslation.article.Detection;
import news.wiretranslation.article.SourceLanguages;

/**
 * Detects an article's language with Lingua, among the configured source languages only.
 *
 * <p>The language models are loaded in the constructor ({@code withPreloadedLanguageModels()}) so that the first
 * article does not pay for them and no thread loads them lazily while another detects; {@link #loadTime()}
 * reports how long that took. Lingua keeps the models in static memory, so a second detector in the same JVM
 * loads only the models not yet loaded and reports a much shorter time.
 *
 * <p>The answer is empty when the text is blank, when it is mainly written in a script none of the configured
 * languages uses (see {@link WritingSystems}), or when Lingua answers UNKNOWN (no letters it knows, or a tie).
 *
 * <p><b>How it decides.</b> A script that only one configured language uses decides alone (Greek, Hebrew, Thai,
 * Hangul, Arabic, Japanese kana: {@link WritingSystems#soleLanguage}). Otherwise Lingua judges the first
 * {@value #SHORTLIST_CHARS} characters among every language; when its winner is at least {@link #DECISIVE_MARGIN}
 * ahead, that answer stands, else the whole sample decides among the first pass's three likeliest.
 *
 * <p><b>Confidence.</b> Lingua 1.2.2's {@code computeLanguageConfidenceValues} gives the winner 1.0 and every other
 * language its score relative to the winner's; the raw margin {@code (winner - runnerUp) / winner} (1.0 with no
 * runner-up, or when the script decided) says how far ahead the winner is, but not how often such an answer is
 * right: plainly right paragraphs score 0.2 to 0.4 on it. The confidence reported is calibrated
 * ({@link ConfidenceCalibration}): the share of detections with that raw margin that named the right language on the
 * labelled evaluation set, so that 0.9 means right nine times in ten (docs/detection.md). {@link #detectRaw} gives
 * the raw margin; a narrowed detector ({@link #among}) reports the raw margin too, the calibration being fitted on
 * questions among every configured language.
 *
 * <p>Thread-safe: Lingua's detector is safe for concurrent use once its models are loaded, and this class holds
 * no mutable state. Note that Lingua spreads one detection over the common fork-join pool.
 */
public final class LinguaLanguageDetector implements LanguageDetector {

    /** Characters of the first, all-language pass, and how many languages it keeps for the second. */
    static final int SHORTLIST_CHARS = 120;
    static final int SHORTLIST_SIZE = 3;
    /**
     * The raw margin at or above which the first pass's answer stands without a second pass. On the evaluation set
     * (docs/detection.md) first passes with a margin of 0.15 or more were right 99.85% of the time, and they are 83%
     * of all detections: the second pass is run only for the close calls it can change.
     */
    public static final double DECISIVE_MARGIN = 0.15;
    /** Narrowed detectors kept at most; past this, a narrowed question is answered by the full detector. */
    private static final int MAX_NARROWED = 1024;

    private final com.github.pemistahl.lingua.api.LanguageDetector lingua;
    private final int languageCount;
    private final WritingSystems writingSystems;
    private final int maxChars;
    private final DetectionAccuracy accuracy;
    private final Passes passes;
    private final Duration loadTime;
    private final Map<Set<String>, LanguageDetector> narrowed = new ConcurrentHashMap<>();

    /**
     * How a detection is decided, apart from the languages and the sample's length.
     *
     * @param scriptFirst    let a script that only one configured language uses decide alone, without Lingua
     * @param decisiveMargin a first pass with at least this raw margin decides; {@code Double.POSITIVE_INFINITY}
     *                       always runs the second
     * @param calibration    from the raw margin to the confidence reported
     */
    public record Passes(boolean scriptFirst, double decisiveMargin, ConfidenceCalibration calibration) {
        public Passes {
            Objects.requireNonNull(calibration, "calibration");
        }

        /** The service's: script first, a decisive first pass at {@link #DECISIVE_MARGIN}, the shipped calibration. */
        public static Passes standard() {
            return new Passes(true, DECISIVE_MARGIN, ConfidenceCalibration.shipped());
        }

        /**
         * The detector as it was until 2026-12-07, kept for the detection report's comparison: Lingua for every
         * script, always two passes, the raw margin reported.
         */
        public static Passes original() {
            return new Passes(false, Double.POSITIVE_INFINITY, ConfidenceCalibration.identity());
        }
    }

    /**
     * Builds the detector and loads its language models (see {@link DetectionAccuracy} for the cost).
     *
     * @param languages ISO 639-1 lower-case codes, at least two, each one of {@link SourceLanguages#deepLDefaults()}
     * @param accuracy  which Lingua mode to use
     * @param maxChars  how many leading characters of a text to look at, at least 1; a few hundred suffice
     * @throws IllegalArgumentException naming an unknown code, or when fewer than two languages or
     *                                  {@code maxChars < 1} are given
     */
    public LinguaLanguageDetector(Set<String> languages, DetectionAccuracy accuracy, int maxChars) {
        this(languages, accuracy, maxChars, Passes.standard());
    }

    /** The same, deciding as {@code passes} says. */
    public LinguaLanguageDetector(Set<String> languages, DetectionAccuracy accuracy, int maxChars, Passes passes) {
        Objects.requireNonNull(accuracy, "accuracy");
        this.passes = Objects.requireNonNull(passes, "passes");
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
        }
        Language[] linguaLanguages = languages.stream().map(SourceLanguages::toLingua).toArray(Language[]::new);
        if (linguaLanguages.length < 2) {
            // Lingua refuses to build from fewer than two; and with one, there would be nothing to decide.
            throw new IllegalArgumentException("Language detection needs at least two languages, got " + languages);
        }
        this.writingSystems = new WritingSystems(languages);
        this.languageCount = linguaLanguages.length;
        this.maxChars = maxChars;
        this.accuracy = accuracy;

        long start = System.nanoTime();
        LanguageDetectorBuilder builder = LanguageDetectorBuilder.fromLanguages(linguaLanguages)
                .withPreloadedLanguageModels();
        if (accuracy == DetectionAccuracy.LOW) {
            builder = builder.withLowAccuracyMode();
        }
        this.lingua = builder.build();
        this.loadTime = Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public Optional<Detection> detect(String text) {
        return detectRaw(text).map(raw -> new Detection(raw.language(), passes.calibration().confidence(raw.confidence())));
    }

    /** The answer with Lingua's raw margin as its confidence: what the calibration is fitted on. */
    public Optional<Detection> detectRaw(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String sample = TextSample.head(text, maxChars);
        if (!writingSystems.mostlyWrittenInConfiguredScripts(sample)) {
            return Optional.empty();
        }
        if (passes.scriptFirst()) {
            Optional<String> byScript = writingSystems.soleLanguage(sample);
            if (byScript.isPresent()) {
                return Optional.of(new Detection(byScript.get(), 1.0));
            }
        }
        return decide(confidenceValues(sample));
    }

    /**
     * Lingua's cost is one model lookup per n-gram per candidate language, so a 500-character sample among 33
     * languages costs 33 times one among a single language. Two passes answer the same at a third of the cost:
     * the first {@value #SHORTLIST_CHARS} characters among every language name the few that can win, and the whole
     * sample decides among those. The runner-up a confidence is measured against is the closest contender, and
     * the closest contenders are what the shortlist keeps. When the first pass's winner is already far ahead
     * ({@link Passes#decisiveMargin()}), its answer stands and the second pass is saved.
     */
    private SortedMap<Language, Double> confidenceValues(String sample) {
        boolean twoPasses = sample.length() > 2 * SHORTLIST_CHARS && languageCount > SHORTLIST_SIZE;
        boolean decisiveFirst = sample.length() > SHORTLIST_CHARS && languageCount > SHORTLIST_SIZE
                && passes.decisiveMargin() <= 1.0;
        if (!twoPasses && !decisiveFirst) {
            return lingua.computeLanguageConfidenceValues(sample);
        }
        SortedMap<Language, Double> first = lingua.computeLanguageConfidenceValues(TextSample.head(sample, SHORTLIST_CHARS));
        boolean firstKnows = !first.isEmpty() && first.firstKey() != Language.UNKNOWN;
        if (decisiveFirst && firstKnows && rawMargin(first) >= passes.decisiveMargin()) {
            return first;
        }
        if (!twoPasses) {
            return lingua.computeLanguageConfidenceValues(sample);
        }
        Set<String> shortlist = first.keySet().stream().filter(language -> language != Language.UNKNOWN)
                .limit(SHORTLIST_SIZE).map(SourceLanguages::isoCode).collect(Collectors.toSet());
        if (shortlist.size() < 2) {
            return lingua.computeLanguageConfidenceValues(sample);
        }
        var second = among(shortlist) instanceof LinguaLanguageDetector shortlisted ? shortlisted.lingua : lingua;
        return second.computeLanguageConfidenceValues(sample);
    }

    /**
     * A Lingua detector over {@code languages} alone, built once per set and kept; its confidence is the raw margin. Lingua holds its models in
     * static memory, so building one for languages already loaded costs no new models. Codes Lingua does not know
     * (or a set of fewer than two) leave this detector as it is.
     */
    @Override
    public LanguageDetector among(Set<String> languages) {
        if (languages.size() < 2 || !languages.stream().allMatch(SourceLanguages::isKnown)) {
            return this;
        }
        if (narrowed.size() >= MAX_NARROWED && !narrowed.containsKey(languages)) {
            return this;
        }
        // The calibration was fitted on questions among every language; a narrowed one reports the raw margin.
        Passes raw = new Passes(passes.scriptFirst(), passes.decisiveMargin(), ConfidenceCalibration.identity());
        return narrowed.computeIfAbsent(Set.copyOf(languages), set -> new LinguaLanguageDetector(set, accuracy, maxChars, raw));
    }

    /** Mirrors Lingua's own {@code detectLanguageOf} (empty map or a tie means UNKNOWN) without computing twice. */
    private static Optional<Detection> decide(SortedMap<Language, Double> values) {
        Iterator<Map.Entry<Language, Double>> ranked = values.entrySet().iterator();
        if (!ranked.hasNext()) {
            return Optional.empty();
        }
        Language winner = ranked.next().getKey();
        double margin = rawMargin(values);
        if (winner == Language.UNKNOWN || margin <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Detection(SourceLanguages.isoCode(winner), margin));
    }

    /** {@code (winner - runnerUp) / winner}, at most 1; 1 without a runner-up, 0 for no winner. */
    private static double rawMargin(SortedMap<Language, Double> values) {
        Iterator<Double> ranked = values.values().iterator();
        if (!ranked.hasNext()) {
            return 0;
        }
        double winner = ranked.next();
        if (winner <= 0) {
            return 0;
        }
        double runnerUp = ranked.hasNext() ? ranked.next() : 0.0;
        return Math.min(1.0, (winner - runnerUp) / winner);
    }

    /** How long building the detector (loading its language models) took. */
    public Duration loadTime() {
        return loadTime;
    }
}
