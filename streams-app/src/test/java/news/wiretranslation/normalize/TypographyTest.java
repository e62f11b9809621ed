package news.wiretranslation.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypographyTest {

    private static final String NBSP = "\u00A0";
    private static final String NNBSP = "\u202F";

    @Test
    void frenchQuotesBecomeGuillemetsWithNoBreakSpacesInside() {
        TypographyResult result = Typography.apply("Il a dit \"non\" puis \" oui \".", "fr");

        assertThat(result.text()).isEqualTo("Il a dit «" + NBSP + "non" + NBSP + "» puis «" + NBSP + "oui" + NBSP + "».");
        assertThat(result.changed()).isTrue();
        assertThat(result.rule()).isEqualTo("typography:fr");
        assertThat(result.rulesApplied()).containsExactly("typography:fr");
    }

    @Test
    void frenchPunctuationGetsNarrowNoBreakSpaceAndColonANoBreakSpace() {
        assertThat(Typography.apply("Vraiment ? Oui ; enfin ! Voici : la liste", "fr").text())
                .isEqualTo("Vraiment" + NNBSP + "? Oui" + NNBSP + "; enfin" + NNBSP + "! Voici" + NBSP + ": la liste");
        assertThat(Typography.apply("Vraiment? Oui; enfin! Voici: la liste", "fr").text())
                .isEqualTo("Vraiment" + NNBSP + "? Oui" + NNBSP + "; enfin" + NNBSP + "! Voici" + NBSP + ": la liste");
        assertThat(Typography.apply("Quoi?! Il a dit \"non?\"", "fr").text())
                .isEqualTo("Quoi" + NNBSP + "?! Il a dit «" + NBSP + "non" + NNBSP + "?" + NBSP + "»");
    }

    @Test
    void frenchKeepsNoBreakSpacesAlreadyThereAndSpacesExistingGuillemets() {
        String typeset = "Il a dit" + NBSP + ": «" + NBSP + "non" + NBSP + "», vraiment" + NBSP + "?";

        assertThat(Typography.apply(typeset, "fr").changed()).isFalse();
        assertThat(Typography.apply("«Non», a-t-il dit. « Jamais »", "fr").text())
                .isEqualTo("«" + NBSP + "Non" + NBSP + "», a-t-il dit. «" + NBSP + "Jamais" + NBSP + "»");
    }

    @Test
    void frenchLeavesUrlsTimesNumbersAndIdsAlone() {
        String text = "Rendez-vous à 10:30 le 2026-11-20 (réf. AFP-2026-11-20-001, hausse de 3.5%, ratio 3:1) "
                + "sur https://example.org/a?b=c;d=e! ou www.example.fr?x=1 ou presse@example.fr:";

        TypographyResult result = Typography.apply(text, "fr");

        assertThat(result.text()).isEqualTo("Rendez-vous à 10:30 le 2026-11-20 (réf. AFP-2026-11-20-001, hausse de "
                + "3.5%, ratio 3:1) sur https://example.org/a?b=c;d=e" + NNBSP + "! ou www.example.fr?x=1 ou "
                + "presse@example.fr" + NBSP + ":");
        assertThat(Typography.apply("Voir http://example.org : à 10:30 (!)", "fr").text())
                .isEqualTo("Voir http://example.org" + NBSP + ": à 10:30 (!)");
    }

    @Test
    void germanQuotesOpenLowAndCloseHigh() {
        TypographyResult result = Typography.apply("Er sagte \"nein\" um 10:30 Uhr (AFP-2026-11-20-001).", "de");

        assertThat(result.text()).isEqualTo("Er sagte „nein“ um 10:30 Uhr (AFP-2026-11-20-001).");
        assertThat(result.rule()).isEqualTo("typography:de");
    }

    @Test
    void englishAndDutchQuotesCurl() {
        assertThat(Typography.apply("She said \"yes\": rates rose 3.5% at 10:30?", "en").text())
                .isEqualTo("She said “yes”: rates rose 3.5% at 10:30?");
        assertThat(Typography.apply("Hij zei \"ja\".", "nl").text()).isEqualTo("Hij zei “ja”.");
        assertThat(Typography.apply("She said \"yes\".", "en-GB").text()).isEqualTo("She said “yes”.");
    }

    @Test
    void spanishItalianAndPortugueseUseGuillemetsWithoutSpaces() {
        assertThat(Typography.apply("Dijo \"no\" ¿verdad?", "es").text()).isEqualTo("Dijo «no» ¿verdad?");
        assertThat(Typography.apply("Ha detto \"no\".", "it").text()).isEqualTo("Ha detto «no».");
        assertThat(Typography.apply("Disse \" não \".", "pt").text()).isEqualTo("Disse «não».");
    }

    @Test
    void oddOrGluedQuotesAreLeftStraight() {
        String continued = "\"The quote goes on into the next paragraph.";

        assertThat(Typography.apply(continued, "en").text()).isEqualTo(continued);
        assertThat(Typography.apply(continued, "en").changed()).isFalse();
        assertThat(Typography.apply("Er sagte \"ja\" und \"nein", "de").changed()).isFalse();
        assertThat(Typography.apply("A 15\" screen and a 17\" one", "en").changed()).isFalse();
        assertThat(Typography.apply("Il a dit \"non. Vraiment?", "fr").text())
                .isEqualTo("Il a dit \"non. Vraiment" + NNBSP + "?");
    }

    @Test
    void otherLanguagesAndTextWithoutQuotesAreUnchanged() {
        TypographyResult russian = Typography.apply("Он сказал \"нет\": 10:30?", "ru");

        assertThat(russian.text()).isEqualTo("Он сказал \"нет\": 10:30?");
        assertThat(russian.changed()).isFalse();
        assertThat(russian.rulesApplied()).isEmpty();
        assertThat(Typography.apply("No quotes here.", "en").changed()).isFalse();
        assertThat(Typography.apply("text", null).rule()).isEqualTo("typography:und");
        assertThat(Typography.apply(null, "fr").text()).isEmpty();
    }
}
