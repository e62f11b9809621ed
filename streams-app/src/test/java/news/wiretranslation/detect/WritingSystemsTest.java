package news.wiretranslation.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class WritingSystemsTest {

    private final WritingSystems latinAndCyrillic = new WritingSystems(Set.of("fr", "ru"));

    @Test
    void acceptsTextMostlyInAConfiguredScript() {
        assertThat(latinAndCyrillic.mostlyWrittenInConfiguredScripts("Le Kremlin, «\u00a0Кремль\u00a0», 2024"))
                .isTrue();
        assertThat(latinAndCyrillic.mostlyWrittenInConfiguredScripts("Правительство объявило новые меры")).isTrue();
    }

    @Test
    void rejectsTextMostlyInAnotherScript() {
        assertThat(latinAndCyrillic.mostlyWrittenInConfiguredScripts("አዲስ አበባ የኢትዮጵያ ዋና ከተማ ናት። Addis")).isFalse();
        assertThat(latinAndCyrillic.mostlyWrittenInConfiguredScripts("Η κυβέρνηση ανακοίνωσε νέα μέτρα")).isFalse();
    }

    @Test
    void rejectsTextWithoutLetters() {
        assertThat(latinAndCyrillic.mostlyWrittenInConfiguredScripts("12:45 — 3 % !!! \uD83D\uDE00")).isFalse();
    }

    @Test
    void japaneseCountsKanaAndKanji() {
        assertThat(new WritingSystems(Set.of("ja", "en")).mostlyWrittenInConfiguredScripts("政府は新たな対策を発表した")).isTrue();
        assertThat(new WritingSystems(Set.of("ko", "en")).mostlyWrittenInConfiguredScripts("政府今天宣布了新的措施")).isFalse();
    }
}
