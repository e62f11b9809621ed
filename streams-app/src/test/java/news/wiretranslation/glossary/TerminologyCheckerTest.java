package news.wiretranslation.glossary;

import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.QualityFlag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminologyCheckerTest {
    private static final LanguagePair FR_EN = new LanguagePair("fr", "en");
    private final Terminology terminology = new Terminology(
            Map.of(FR_EN, GlossaryFiles.parse("fr-en.tsv", FR_EN, "Kiev\tKyiv\nOTAN\tNATO\n", false).glossary()),
            ProtectedTerms.parse("p.txt", List.of("Le Monde")));
    private final TerminologyChecker checker = new TerminologyChecker(() -> terminology);

    @Test
    void aGlossaryTermMissingFromTheTranslationIsFlaggedWithWhereItStandsInTheSource() {
        List<QualityFlag> flags = checker.check(List.of("Frappes sur Kiev", "L'OTAN et Kiev."),
                List.of("Strikes on Kyiv", "NATO and Kiev."), "fr", "EN-US");

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.getCode()).isEqualTo(TerminologyChecker.GLOSSARY_TERM_MISSING);
            assertThat(flag.getText()).isEqualTo("Kyiv");
            assertThat(flag.getParagraph()).isZero();
            assertThat(flag.getOffset()).isEqualTo(10);
            assertThat(flag.getMessage()).contains("'Kiev' as 'Kyiv'");
        });
    }

    @Test
    void termsAreMatchedAsWholeWordsIgnoringCase() {
        assertThat(checker.check(List.of("Les Kieviens"), List.of("The Kievans"), "fr", "EN-US")).isEmpty();
        assertThat(checker.check(List.of("KIEV : frappes"), List.of("kyiv: strikes"), "fr", "EN-US")).isEmpty();
    }

    @Test
    void aProtectedTermThatDidNotComeBackUnchangedIsFlagged() {
        List<QualityFlag> flags = checker.check(List.of("Selon Le Monde"), List.of("According to The World"), "fr", "DE");

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.getCode()).isEqualTo(TerminologyChecker.PROTECTED_TERM_CHANGED);
            assertThat(flag.getText()).isEqualTo("Le Monde");
            assertThat(flag.getParagraph()).isEqualTo(-1);
        });
        assertThat(checker.check(List.of("Selon Le Monde"), List.of("According to Le Monde"), "fr", "DE")).isEmpty();
    }

    @Test
    void withoutTerminologyNothingIsChecked() {
        assertThat(new TerminologyChecker(() -> Terminology.NONE).check(List.of("Kiev"), List.of("Kiev"), "fr", "EN-US")).isEmpty();
    }
}
