package news.wiretranslation.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import news.wiretranslation.article.Detection;
import news.wiretranslation.article.SourceLanguages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinguaLanguageDetectorTest {

    static final String FRENCH = "Le gouvernement a présenté mercredi un projet de loi visant à renforcer la "
            + "protection des lanceurs d'alerte. Le texte, attendu depuis plusieurs mois, sera examiné par "
            + "l'Assemblée nationale à la rentrée. Les syndicats saluent une avancée mais réclament davantage de "
            + "garanties.";

    static final String ENGLISH = "The government on Wednesday unveiled a bill to strengthen protections for "
            + "whistleblowers. The text, expected for several months, will be debated in parliament after the "
            + "summer recess. Unions welcomed the move but called for further safeguards.";

    private static LinguaLanguageDetector detector;

    @BeforeAll
    static void loadModels() {
        detector = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 1000);
        System.out.println("LOW detector for " + SourceLanguages.deepLDefaults().size() + " languages loaded in "
                + detector.loadTime().toMillis() + " ms");
    }

    /**
     * Confidence is 1 - the runner-up's relative value, which Lingua 1.2.2 computes as a ratio of log-probability
     * sums: for plainly right answers on news paragraphs it measures 0.24 to 0.34 (not above 0.5), see
     * {@link LinguaLanguageDetector}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            fr | Le gouvernement a présenté mercredi un projet de loi visant à renforcer la protection des lanceurs d'alerte. Le texte, attendu depuis plusieurs mois, sera examiné par l'Assemblée nationale à la rentrée. Les syndicats saluent une avancée mais réclament davantage de garanties.
            de | Die Bundesregierung hat am Mittwoch einen Gesetzentwurf zum besseren Schutz von Hinweisgebern vorgelegt. Der Text soll nach der Sommerpause im Bundestag beraten werden. Gewerkschaften begrüßten den Schritt, forderten jedoch weitere Garantien.
            es | El Gobierno presentó el miércoles un proyecto de ley para reforzar la protección de los denunciantes. El texto, esperado desde hace varios meses, será debatido en el Congreso después del verano. Los sindicatos celebraron el avance, pero exigen más garantías.
            it | Il governo ha presentato mercoledì un disegno di legge per rafforzare la tutela di chi segnala illeciti. Il testo, atteso da diversi mesi, sarà esaminato dal Parlamento dopo l'estate. I sindacati accolgono con favore la novità ma chiedono ulteriori garanzie.
            pt | O governo apresentou na quarta-feira um projeto de lei para reforçar a proteção dos denunciantes. O texto, aguardado há vários meses, será analisado pelo Parlamento depois do verão. Os sindicatos saudaram o avanço, mas exigem mais garantias.
            en | The government on Wednesday unveiled a bill to strengthen protections for whistleblowers. The text, expected for several months, will be debated in parliament after the summer recess. Unions welcomed the move but called for further safeguards.
            """)
    void detectsNewsParagraphs(String language, String paragraph) {
        Optional<Detection> detection = detector.detect(paragraph);

        assertThat(detection).isPresent();
        assertThat(detection.get().language()).isEqualTo(language);
        assertThat(detection.get().confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(detector.detectRaw(paragraph).orElseThrow().confidence()).isBetween(0.15, 0.5);
    }

    @Test
    void ambiguousSnippetHasLowConfidence() {
        Optional<Detection> detection = detector.detect("Paris");

        assertThat(detection).isPresent();
        assertThat(detector.detectRaw("Paris").orElseThrow().confidence()).isLessThan(0.1);
        assertThat(detection.get().confidence()).isLessThan(detector.detect(FRENCH).orElseThrow().confidence());
    }

    @Test
    void reportsTheCalibratedConfidenceOfTheRawMargin() {
        ConfidenceCalibration shipped = ConfidenceCalibration.shipped();

        for (String text : List.of(FRENCH, ENGLISH, "Paris", "Inondations : le gouvernement débloque une aide")) {
            assertThat(detector.detect(text).orElseThrow().confidence())
                    .isEqualTo(shipped.confidence(detector.detectRaw(text).orElseThrow().confidence()));
        }
    }

    @Test
    void languageDecidedByItsScriptAloneHasTheHighestConfidence() {
        assertThat(detector.detectRaw("Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την οικονομία."))
                .contains(new Detection("el", 1.0));
        assertThat(detector.detect("ירושלים: הממשלה אישרה היום תקציב חדש")).hasValueSatisfying(d -> {
            assertThat(d.language()).isEqualTo("he");
            assertThat(d.confidence()).isEqualTo(ConfidenceCalibration.shipped().confidence(1.0));
        });
    }

    @Test
    void aDecisiveFirstPassGivesTheSameLanguageAsTheOriginalTwoPasses() {
        LinguaLanguageDetector original = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW,
                1000, LinguaLanguageDetector.Passes.original());
        String french = FRENCH + " " + FRENCH;

        assertThat(detector.detectRaw(french).orElseThrow().confidence())
                .isGreaterThanOrEqualTo(LinguaLanguageDetector.DECISIVE_MARGIN);
        assertThat(detector.detect(french).map(Detection::language)).isEqualTo(original.detect(french).map(Detection::language))
                .contains("fr");
    }

    @Test
    void looksOnlyAtTheFirstMaxChars() {
        String french = FRENCH.substring(0, FRENCH.lastIndexOf(' ', 200));
        String text = french + " " + (ENGLISH + " ").repeat(5);
        assertThat(french.length()).isBetween(180, 200);

        LinguaLanguageDetector first200 =
                new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW, 200);

        // Without the decisive first pass (whose 120 characters are French), to see the whole sample count.
        LinguaLanguageDetector first1000 = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW,
                1000, LinguaLanguageDetector.Passes.original());

        assertThat(first200.detect(text)).map(Detection::language).contains("fr");
        assertThat(first1000.detect(text)).map(Detection::language).contains("en");
    }

    @Test
    void blankTextHasNoLanguage() {
        assertThat(detector.detect(null)).isEmpty();
        assertThat(detector.detect("")).isEmpty();
        assertThat(detector.detect(" \n\t ")).isEmpty();
        assertThat(detector.detect("2024 — 12:45 !!!")).isEmpty();
    }

    @Test
    void textInAScriptNoConfiguredLanguageUsesHasNoLanguage() {
        assertThat(detector.detect("საქართველოს მთავრობამ ოთხშაბათს ახალი კანონპროექტი წარადგინა.")).isEmpty();
        assertThat(detector.detect("የኢትዮጵያ መንግሥት አዲስ ሕግ አቀረበ። Addis Ababa")).isEmpty();
    }

    /** Why the detector checks scripts itself: Lingua judges such a text by its few Latin words only. */
    @Test
    void linguaAloneWouldCallAmharicWithALatinNameEnglish() {
        Language[] all = SourceLanguages.deepLDefaults().stream()
                .map(SourceLanguages::toLingua).toArray(Language[]::new);
        var lingua = LanguageDetectorBuilder.fromLanguages(all).withLowAccuracyMode().build();

        assertThat(lingua.detectLanguageOf("የኢትዮጵያ መንግሥት አዲስ ሕግ አቀረበ። Addis Ababa")).isEqualTo(Language.ENGLISH);
        assertThat(lingua.detectLanguageOf("საქართველოს მთავრობამ ახალი კანონპროექტი")).isEqualTo(Language.UNKNOWN);
    }

    @Test
    void detectsOnlyAmongConfiguredLanguages() {
        LinguaLanguageDetector frenchOrGerman =
                new LinguaLanguageDetector(Set.of("fr", "de"), DetectionAccuracy.LOW, 1000);

        assertThat(frenchOrGerman.detect(ENGLISH)).hasValueSatisfying(
                detection -> assertThat(detection.language()).isIn("fr", "de"));
        assertThat(frenchOrGerman.detect("Правительство объявило новые меры.")).isEmpty();
    }

    @Test
    void aNarrowedDetectorChoosesOnlyAmongItsLanguagesAndIsKeptForReuse() {
        LanguageDetector frenchOrEnglish = detector.among(Set.of("fr", "en"));

        String german = "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf zum Schutz von Hinweisgebern vorgelegt.";
        assertThat(detector.detect(german)).hasValueSatisfying(d -> assertThat(d.language()).isEqualTo("de"));
        assertThat(frenchOrEnglish.detect(german)).hasValueSatisfying(d -> assertThat(d.language()).isIn("fr", "en"));
        assertThat(frenchOrEnglish.detect(FRENCH)).hasValueSatisfying(d -> assertThat(d.language()).isEqualTo("fr"));
        assertThat(detector.among(Set.of("en", "fr"))).isSameAs(frenchOrEnglish);
    }

    @Test
    void aLongSampleIsDecidedAmongTheContendersOfItsBeginningWithTheSameAnswerAsOnePass() {
        LinguaLanguageDetector onePass = new LinguaLanguageDetector(SourceLanguages.deepLDefaults(), DetectionAccuracy.LOW,
                2 * LinguaLanguageDetector.SHORTLIST_CHARS);
        String french = FRENCH + " " + FRENCH;
        String english = ENGLISH + " " + ENGLISH;

        assertThat(detector.detect(french)).hasValueSatisfying(d -> {
            assertThat(d.language()).isEqualTo("fr");
            assertThat(d.confidence()).isCloseTo(onePass.detect(french).orElseThrow().confidence(), within(0.05));
        });
        assertThat(detector.detect(english)).hasValueSatisfying(d -> assertThat(d.language()).isEqualTo("en"));
    }

    @Test
    void narrowingToUnknownOrTooFewLanguagesKeepsTheFullDetector() {
        assertThat(detector.among(Set.of("fr"))).isSameAs(detector);
        assertThat(detector.among(Set.of("fr", "xx"))).isSameAs(detector);
    }

    @Test
    void rejectsAnUnknownConfiguredCodeByName() {
        assertThatThrownBy(() -> new LinguaLanguageDetector(Set.of("fr", "xx"), DetectionAccuracy.LOW, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xx'");
    }

    @Test
    void rejectsFewerThanTwoLanguagesAndANonPositiveLimit() {
        assertThatThrownBy(() -> new LinguaLanguageDetector(Set.of("fr"), DetectionAccuracy.LOW, 200))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two");
        assertThatThrownBy(() -> new LinguaLanguageDetector(Set.of("fr", "de"), DetectionAccuracy.LOW, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxChars");
    }

    @Test
    void reportsItsLoadTime() {
        assertThat(detector.loadTime()).isPositive();
    }

    @Test
    void givesTheSameAnswersFromSeveralThreads() throws Exception {
        List<String> texts = List.of(FRENCH, ENGLISH);
        List<Optional<Detection>> expected = texts.stream().map(detector::detect).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Optional<Detection>>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> texts.stream().map(detector::detect).toList()));
            }
            for (Future<List<Optional<Detection>>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
