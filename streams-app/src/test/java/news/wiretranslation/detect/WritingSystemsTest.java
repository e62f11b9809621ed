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

    private final WritingSystems deepL = new WritingSystems(news.wiretranslation.article.SourceLanguages.deepLDefaults());

    @Test
    void aScriptOnlyOneConfiguredLanguageUsesDecidesAlone() {
        assertThat(deepL.soleLanguage("Η κυβέρνηση ανακοίνωσε νέα μέτρα (ΕΕ, Brussels)")).contains("el");
        assertThat(deepL.soleLanguage("הממשלה אישרה היום תקציב חדש")).contains("he");
        assertThat(deepL.soleLanguage("รัฐบาลประกาศมาตรการใหม่วันนี้")).contains("th");
        assertThat(deepL.soleLanguage("정부는 오늘 새로운 대책을 발표했다")).contains("ko");
        assertThat(deepL.soleLanguage("أعلنت الحكومة اليوم عن إجراءات جديدة")).contains("ar");
    }

    @Test
    void kanaMakesJapaneseAndHanAloneIsLeftToTheDetector() {
        assertThat(deepL.soleLanguage("政府は新たな対策を発表した")).contains("ja");
        assertThat(deepL.soleLanguage("政府今天宣布了新的措施")).isEmpty();
        assertThat(new WritingSystems(Set.of("zh", "en")).soleLanguage("政府今天宣布了新的措施")).contains("zh");
    }

    @Test
    void scriptsSeveralConfiguredLanguagesShareDecideNothing() {
        assertThat(deepL.soleLanguage("Правительство объявило новые меры")).isEmpty();
        assertThat(deepL.soleLanguage("Le gouvernement annonce de nouvelles mesures")).isEmpty();
        assertThat(new WritingSystems(Set.of("ru", "fr")).soleLanguage("Правительство объявило новые меры")).contains("ru");
    }

    @Test
    void aFewLettersOfAnotherScriptDoNotDecide() {
        assertThat(deepL.soleLanguage("The Greek word λόγος means word")).isEmpty();
    }
}
