package news.wiretranslation.glossary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlossaryFilesTest {
    private static final LanguagePair FR_EN = new LanguagePair("fr", "en");

    @TempDir
    Path dir;

    @Test
    void tsvEntriesAreReadSkippingCommentsAndBlankLines() {
        GlossaryFiles.Reading reading = GlossaryFiles.parse("fr-en.tsv", FR_EN, "# places\n\nKiev\tKyiv\r\nPentagone\tPentagon\n", false);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.glossary().terms()).containsExactly(Map.entry("Kiev", "Kyiv"), Map.entry("Pentagone", "Pentagon"));
        assertThat(reading.glossary().entries()).extracting(GlossaryEntry::line).containsExactly(3, 4);
    }

    @Test
    void csvFieldsMayBeQuotedWithCommasAndQuotesInside() {
        GlossaryFiles.Reading reading = GlossaryFiles.parse("fr-en.csv", FR_EN,
                "\"Kiev, Ukraine\",\"Kyiv, Ukraine\"\n\"le \"\"Times\"\"\",The Times\n", true);

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.glossary().terms()).containsEntry("Kiev, Ukraine", "Kyiv, Ukraine")
                .containsEntry("le \"Times\"", "The Times");
    }

    @Test
    void everyBadLineIsReportedWithItsNumber() {
        GlossaryFiles.Reading reading = GlossaryFiles.parse("fr-en.tsv", FR_EN,
                "Kiev\tKyiv\nKiev\tKiew\n\tvide\nOTAN\t\nseul\nespace \tspace\nun\tdeux\ttrois\n", false);

        assertThat(reading.problems()).extracting(GlossaryProblem::toString).containsExactly(
                "fr-en.tsv line 2: duplicate source term 'Kiev' (first on line 1)",
                "fr-en.tsv line 3: empty source term",
                "fr-en.tsv line 4: empty target term",
                "fr-en.tsv line 5: expected 2 fields (source<TAB>target), found 1",
                "fr-en.tsv line 6: source term 'espace ' starts or ends with a space",
                "fr-en.tsv line 7: expected 2 fields (source<TAB>target), found 3");
    }

    @Test
    void aPairDeepLHasNoGlossariesForIsAProblemOfTheFile() {
        assertThat(GlossaryFiles.parse("ka-en.tsv", new LanguagePair("ka", "en"), "a\tb\n", false).problems())
                .singleElement().asString().contains("DeepL has no glossaries for 'ka'");
        assertThat(GlossaryFiles.parse("fr-fr.tsv", new LanguagePair("fr", "fr"), "a\tb\n", false).problems())
                .singleElement().asString().contains("source and target language are the same");
    }

    @Test
    void theContentHashIgnoresOrderButNotContent() {
        Glossary a = GlossaryFiles.parse("a", FR_EN, "Kiev\tKyiv\nOTAN\tNATO\n", false).glossary();
        Glossary reordered = GlossaryFiles.parse("b", FR_EN, "OTAN\tNATO\n# comment\nKiev\tKyiv\n", false).glossary();
        Glossary changed = GlossaryFiles.parse("c", FR_EN, "Kiev\tKyiv\nOTAN\tNato\n", false).glossary();

        assertThat(a.contentHash()).hasSize(16).isEqualTo(reordered.contentHash()).isNotEqualTo(changed.contentHash());
    }

    @Test
    void aDirectoryIsLoadedByPairAndABadFileFailsNamingIt() throws IOException {
        Files.writeString(dir.resolve("fr-en.tsv"), "Kiev\tKyiv\n");
        Files.writeString(dir.resolve("de-en.csv"), "Kiew,Kyiv\n");
        Files.writeString(dir.resolve("README.md"), "not a glossary");

        assertThat(GlossaryFiles.loadDirectory(dir)).containsOnlyKeys(FR_EN, new LanguagePair("de", "en"));

        Files.writeString(dir.resolve("fr-en.csv"), "Kiev,Kyiv\n");
        Files.writeString(dir.resolve("french.tsv"), "a\tb\n");
        assertThatThrownBy(() -> GlossaryFiles.loadDirectory(dir))
                .isInstanceOf(InvalidTerminologyException.class)
                .hasMessageContaining("fr-en.tsv: a second glossary for fr-en (the first is fr-en.csv)")
                .hasMessageContaining("french.tsv: the name must be <source>-<target>.tsv or .csv");
    }

    @Test
    void aTargetVariantUsesTheGlossaryOfItsLanguage() {
        Glossary glossary = GlossaryFiles.parse("fr-en.tsv", FR_EN, "Kiev\tKyiv\n", false).glossary();
        Terminology terminology = new Terminology(Map.of(FR_EN, glossary), ProtectedTerms.NONE);

        assertThat(terminology.glossary("fr", "EN-GB")).contains(glossary);
        assertThat(terminology.glossary("fr", "EN-US")).contains(glossary);
        assertThat(terminology.glossary("fr", "DE")).isEmpty();
        assertThat(terminology.glossary("de", "EN-US")).isEmpty();
    }

    @Test
    void protectedTermsMatchWholeWordsLongestFirst() {
        ProtectedTerms terms = ProtectedTerms.parse("p.txt", List.of("# names", "New York", "The New York Times", "AAPL"));

        assertThat(terms.find("The New York Times and New York, not AAPLX or NewYork."))
                .extracting(ProtectedTerms.Span::term).containsExactly("The New York Times", "New York");
        assertThatThrownBy(() -> ProtectedTerms.parse("p.txt", List.of("AAPL", "AAPL")))
                .hasMessage("p.txt line 2: duplicate protected term 'AAPL'");
    }
}
