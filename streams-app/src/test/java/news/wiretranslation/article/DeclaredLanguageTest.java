package news.wiretranslation.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeclaredLanguageTest {

    @Test
    void aValidTagGivesItsPrimaryLanguage() {
        assertThat(DeclaredLanguage.primaryLanguage("fr")).contains("fr");
        assertThat(DeclaredLanguage.primaryLanguage("FR")).contains("fr");
        assertThat(DeclaredLanguage.primaryLanguage("en-US")).contains("en");
        assertThat(DeclaredLanguage.primaryLanguage("zh-Hant-TW")).contains("zh");
        assertThat(DeclaredLanguage.primaryLanguage(" de ")).contains("de");
        assertThat(DeclaredLanguage.primaryLanguage("fr_CA")).contains("fr");
    }

    @Test
    void aValueThatIsNotABcp47TagIsIgnoredNeverCopied() {
        for (String hostile : new String[]{"../../etc/passwd\n<script>", "<script>", "fr FR", "francais!", "e",
                "en-", "toolonglanguage", "und", "x-private"}) {
            assertThat(DeclaredLanguage.primaryLanguage(hostile)).as(hostile).isEmpty();
            assertThat(DeclaredLanguage.isIgnored(hostile)).as(hostile).isTrue();
        }
    }

    @Test
    void nothingDeclaredIsNotIgnoredButAbsent() {
        assertThat(DeclaredLanguage.primaryLanguage(null)).isEmpty();
        assertThat(DeclaredLanguage.isIgnored(null)).isFalse();
        assertThat(DeclaredLanguage.isIgnored("  ")).isFalse();
    }
}
