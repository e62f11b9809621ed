package news.wiretranslation.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static news.wiretranslation.normalize.TextNormalizerTest.raw;

import java.nio.charset.StandardCharsets;

import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.article.Stage;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;

/** The hostile inputs of issue 15: what normalization removes, notes and refuses. */
class InputHygieneNormalizationTest {

    private final TextNormalizer normalizer = new TextNormalizer(BoilerplateRules.none());

    @Test
    void bidiControlsAreRemovedFromHeadlineAndBodyAndNoted() {
        NormalizedArticle article = normalizer.normalize(raw("Le ministre \u202Eenummoc\u202C d\u00e9missionne",
                "Premier \u2067paragraphe\u2069 ici.", BodyFormat.TEXT));

        assertThat(article.headline()).isEqualTo("Le ministre enummoc d\u00e9missionne");
        assertThat(article.paragraphs()).containsExactly("Premier paragraphe ici.");
        assertThat(article.rulesApplied()).containsExactly(TextNormalizer.BIDI_CONTROLS_RULE);
    }

    @Test
    void replacementCharactersAreRemovedAndNoted() {
        String body = new String("Le caf\u00e9 de la gare a rouvert ses portes lundi matin."
                .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);

        NormalizedArticle article = normalizer.normalize(raw("Le caf\u00e9 rouvre", body, BodyFormat.TEXT));

        assertThat(article.paragraphs()).containsExactly("Le caf de la gare a rouvert ses portes lundi matin.");
        assertThat(article.rulesApplied()).containsExactly(TextNormalizer.INVALID_CHARACTERS_RULE);
    }

    @Test
    void aTextThatIsMostlyReplacementCharactersIsRefusedAsUnreadable() {
        String binary = new String(new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0x9C, 0x41, (byte) 0xC3, (byte) 0xA9,
                (byte) 0x80, (byte) 0x81, (byte) 0xFA, (byte) 0xFB}, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> normalizer.normalize(raw("Titre " + binary, binary + binary, BodyFormat.TEXT)))
                .isInstanceOfSatisfying(DeadLetterException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeadLetterReason.UNREADABLE_TEXT);
                    assertThat(e.stage()).isEqualTo(Stage.NORMALIZE);
                    assertThat(e.getMessage()).contains("replacement characters U+FFFD").contains("limit 30%");
                });
    }

    @Test
    void aFewReplacementCharactersAmongManyGoodOnesAreNotRefused() {
        NormalizedArticle article = normalizer.normalize(
                raw("Un titre tout \u00e0 fait lisible", "Quelques mots \uFFFD\uFFFD\uFFFD puis la suite.", BodyFormat.TEXT));

        assertThat(article.paragraphs()).containsExactly("Quelques mots puis la suite.");
    }

    @Test
    void terminalEscapesAreRemovedWholeAndNoted() {
        NormalizedArticle article = normalizer.normalize(
                raw("\u001B[31mURGENT\u001B[0m S\u00e9isme", "<p>Alerte \u001B[1;31mrouge\u001B[0m lev\u00e9e.</p>", BodyFormat.HTML));

        assertThat(article.headline()).isEqualTo("URGENT S\u00e9isme");
        assertThat(article.paragraphs()).containsExactly("Alerte rouge lev\u00e9e.");
        assertThat(String.join(" ", article.paragraphs()) + article.headline()).doesNotContain("[31m", "[0m");
        assertThat(article.rulesApplied()).contains(TextNormalizer.TERMINAL_ESCAPES_RULE);
    }

    @Test
    void adjacentInlineElementsAndCdataStayApartButAnInlineElementNextToBareTextDoesNot() {
        String html = "<p>Voir le <a href=\"https://x.example\">lien</a><![CDATA[CDATATEXT]]> et "
                + "<a href=\"/a\">Paris</a><a href=\"/b\">Lyon</a> ; <b>W</b>ord.</p>";

        NormalizedArticle article = normalizer.normalize(raw("Titre", html, BodyFormat.HTML));

        assertThat(article.paragraphs()).containsExactly("Voir le lien CDATATEXT et Paris Lyon ; Word.");
    }

    @Test
    void aLeadingHeadingEqualToTheHeadlineIsNotRepeated() {
        String html = "<article><h1>Le  gouvernement pr\u00e9sente son budget</h1><p>Le ministre a parl\u00e9.</p>"
                + "<h2>Le gouvernement pr\u00e9sente son budget</h2><p>Fin.</p></article>";

        NormalizedArticle article = normalizer.normalize(raw("Le gouvernement pr\u00e9sente son BUDGET", html, BodyFormat.HTML));

        assertThat(article.paragraphs()).containsExactly("Le ministre a parl\u00e9.",
                "Le gouvernement pr\u00e9sente son budget", "Fin.");
        assertThat(article.rulesApplied()).containsExactly(TextNormalizer.HTML_RULE, TextNormalizer.DUPLICATE_HEADING_RULE);
    }

    @Test
    void aLeadingHeadingThatSaysSomethingElseIsKept() {
        NormalizedArticle article = normalizer.normalize(
                raw("Le budget", "<h1>Une autre chose</h1><p>Texte.</p>", BodyFormat.HTML));

        assertThat(article.paragraphs()).containsExactly("Une autre chose", "Texte.");
        assertThat(article.rulesApplied()).doesNotContain(TextNormalizer.DUPLICATE_HEADING_RULE);
    }

    @Test
    void anInvalidDeclaredLanguageIsNoted() {
        RawArticle hostile = raw("Titre", "Texte.", BodyFormat.TEXT);
        hostile.setDeclaredLanguage("../../etc/passwd\n<script>");
        RawArticle valid = raw("Titre", "Texte.", BodyFormat.TEXT);
        valid.setDeclaredLanguage("fr-CA");

        assertThat(normalizer.normalize(hostile).rulesApplied()).containsExactly(TextNormalizer.DECLARED_LANGUAGE_IGNORED_RULE);
        assertThat(normalizer.normalize(valid).rulesApplied()).isEmpty();
    }
}
