package news.wiretranslation.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void composesDecomposedCharacters() {
        String decomposed = "e\u0301te\u0301 a\u0300 Montre\u0301al";

        String cleaned = TextCleaner.clean(decomposed);

        assertThat(cleaned).isEqualTo("\u00e9t\u00e9 \u00e0 Montr\u00e9al").hasSize(14);
    }

    @Test
    void dropsControlCharactersButKeepsWordsApart() {
        assertThat(TextCleaner.clean("a\u0000b\u0007c\u007Fd\u0085e\u009Ff")).isEqualTo("abcd ef");
        assertThat(TextCleaner.clean("one\ttwo\nthree\r\nfour\u000Bfive\u000Csix"))
                .isEqualTo("one two three four five six");
    }

    @Test
    void dropsUnpairedSurrogatesAndKeepsPairs() {
        assertThat(TextCleaner.clean("ab\uD800cd")).isEqualTo("abcd");
        assertThat(TextCleaner.clean("\uDC00start end\uD83D")).isEqualTo("start end");
        assertThat(TextCleaner.clean("bravo \uD83D\uDE00")).isEqualTo("bravo \uD83D\uDE00");
    }

    @Test
    void dropsInvisibleFormatCharactersButKeepsJoiners() {
        assertThat(TextCleaner.clean("\uFEFFzero\u200Bwidth\u2060joined soft\u00ADhyphen"))
                .isEqualTo("zerowidthjoined softhyphen");
        String womanTechnologist = "\uD83D\uDC69\u200D\uD83D\uDCBB";
        assertThat(TextCleaner.clean(womanTechnologist)).isEqualTo(womanTechnologist);
        assertThat(TextCleaner.clean("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")).contains("\u200C");
    }

    @Test
    void collapsesEveryKindOfSpaceAndTrims() {
        assertThat(TextCleaner.clean("  a \u2003\u2009 b\u3000c\u2028d\u00A0\u00A0e  ")).isEqualTo("a b c d e");
    }

    @Test
    void keepsNoBreakSpacesNextToFrenchPunctuationOnly() {
        String french = "Il a dit\u00A0: \u00AB\u00A0oui\u00A0\u00BB, vraiment\u202F?";
        assertThat(TextCleaner.clean(french)).isEqualTo(french);
        assertThat(TextCleaner.clean("non\u00A0partir de 10\u202F000")).isEqualTo("non partir de 10 000");
        assertThat(TextCleaner.clean("\u00AB\u00A0 oui")).isEqualTo("\u00AB\u00A0oui");
    }

    @Test
    void returnsEmptyForNothingVisible() {
        assertThat(TextCleaner.clean(null)).isEmpty();
        assertThat(TextCleaner.clean(" \u00A0\u200B\uFEFF\t\n ")).isEmpty();
    }

    @Test
    void removesBidiEmbeddingsOverridesAndIsolates() {
        String spoofed = "\u202AL\u202BR\u202CP\u202DO\u202Ev\u2066i\u2067s\u2068o\u2069k";

        assertThat(TextCleaner.clean(spoofed)).isEqualTo("LRPOviso" + "k");
        assertThat(TextCleaner.clean("Minister \u202Eresigns\u202C today")).isEqualTo("Minister resigns today");
    }

    @Test
    void keepsBidiMarksAndJoinersThatScriptsAndEmojiNeed() {
        String marks = "\u05E9\u05DC\u05D5\u05DD\u200E 2024 \u200F\u0627\u061C\u0644";
        String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
        String familyEmoji = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

        assertThat(TextCleaner.clean(marks)).isEqualTo(marks);
        assertThat(TextCleaner.clean(persian)).isEqualTo(persian);
        assertThat(TextCleaner.clean(familyEmoji)).isEqualTo(familyEmoji);
    }

    @Test
    void removesReplacementCharactersFromInvalidUtf8() {
        byte[] latin1 = "Caf\u00e9 du march\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        String decodedAsUtf8 = new String(latin1, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(decodedAsUtf8).contains("\uFFFD");
        assertThat(TextCleaner.clean(decodedAsUtf8)).isEqualTo("Caf du march");
    }

    @Test
    void removesTerminalEscapeSequencesWhole() {
        assertThat(TextCleaner.clean("\u001B[31mAlerte\u001B[0m rouge")).isEqualTo("Alerte rouge");
        assertThat(TextCleaner.clean("\u001B[1;38;5;196mgras\u001B[m")).isEqualTo("gras");
        assertThat(TextCleaner.clean("voir \u001B]8;;https://x.example\u001B\\lien\u001B]8;;\u001B\\ ici"))
                .isEqualTo("voir lien ici");
        assertThat(TextCleaner.clean("\u001B]0;titre\u0007texte")).isEqualTo("texte");
        assertThat(TextCleaner.clean("\u009B31mC1\u009B0m")).isEqualTo("C1");
    }

    @Test
    void keepsABareSgrCodeWhoseEscapeWasLostUpstreamBecauseItCannotBeToldFromText() {
        assertThat(TextCleaner.clean("[31mrouge")).isEqualTo("[31mrouge");
        assertThat(TextCleaner.clean("une profondeur de [10m]")).isEqualTo("une profondeur de [10m]");
    }
}
