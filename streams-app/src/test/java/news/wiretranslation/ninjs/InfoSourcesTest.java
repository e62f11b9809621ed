package news.wiretranslation.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import news.wiretranslation.ninjs.InfoSources.InfoSource;
import org.junit.jupiter.api.Test;

class InfoSourcesTest {

    @Test
    void aTranslationNamesTheAgencyThenTheEngine() {
        assertThat(InfoSources.of(NinjsWriterTest.translated())).containsExactly(
                new InfoSource("afp", "source", null, null),
                new InfoSource("DeepL", "translation engine", "https://www.deepl.com", "deepl"));
    }

    @Test
    void anArticlePassedThroughNamesOnlyTheAgency() {
        assertThat(InfoSources.of(NinjsWriterTest.passedThrough())).containsExactly(
                new InfoSource("afp", "source", null, null));
    }

    @Test
    void anEngineWithoutAKnownHomePageHasNoUri() {
        assertThat(InfoSources.of(NinjsWriterTest.minimalTranslation())).last()
                .isEqualTo(new InfoSource("in-house-mt", "translation engine", null, "in-house-mt"));
    }

    @Test
    void aTranslationAnEditorApprovedNamesTheEditorLast() {
        assertThat(InfoSources.of(NinjsWriterTest.reviewed())).containsExactly(
                new InfoSource("afp", "source", null, null),
                new InfoSource("DeepL", "translation engine", "https://www.deepl.com", "deepl"),
                new InfoSource("m.dupont", "editorial reviewer", null, null));
    }
}
