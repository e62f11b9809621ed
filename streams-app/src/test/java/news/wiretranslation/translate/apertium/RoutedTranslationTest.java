package news.wiretranslation.translate.apertium;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.apertium.ApertiumPairs.Pair;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing a request hop by hop and assembling the result, in {@link RoutedTranslation}, with a tagging hop. */
class RoutedTranslationTest {

    private final ApertiumPairs pairs = ApertiumPairs.fromModeNames(List.of("fr-es", "spa-eng", "es-fr"));
    private final List<String> hops = new ArrayList<>();

    /** Tags each text with the hop's mode: "[fr-es] Bonjour". */
    private List<String> tagging(Pair pair, List<String> texts) {
        hops.add(pair.mode() + " x" + texts.size());
        return texts.stream().map(text -> "[" + pair.mode() + "] " + text).toList();
    }

    @Test
    void sendsTheTextsThroughEveryHopOfThePivotRouteInTurn() throws TranslationException {
        TranslationRequest request = new TranslationRequest("fr", "EN-US", List.of("Bonjour", "Merci"));

        TranslationResult result = RoutedTranslation.translate(request, RoutedTranslation.route(request, pairs),
                "apertium", "Apertium 3.8.3", this::tagging);

        assertThat(result.texts()).containsExactly("[spa-eng] [fr-es] Bonjour", "[spa-eng] [fr-es] Merci");
        assertThat(hops).containsExactly("fr-es x2", "spa-eng x2");
        assertThat(result.engine()).isEqualTo("apertium");
        assertThat(result.engineModel()).isEqualTo("fr-es>spa-eng (Apertium 3.8.3)");
        assertThat(result.billedCharacters()).isZero();
        assertThat(result.detectedSourceLanguage()).isNull();
    }

    @Test
    void returnsBlankTextsUnchangedAndKeepsTheWhitespaceAroundTexts() throws TranslationException {
        TranslationRequest request = new TranslationRequest("fr", "ES", List.of("", "  Titre\n", " \n", "Fin"));

        TranslationResult result = RoutedTranslation.translate(request, RoutedTranslation.route(request, pairs),
                "apertium", null, this::tagging);

        assertThat(result.texts()).containsExactly("", "  [fr-es] Titre\n", " \n", "[fr-es] Fin");
        assertThat(hops).containsExactly("fr-es x2");
        assertThat(result.engineModel()).isEqualTo("fr-es");
    }

    @Test
    void startsNoHopWhenAllTextsAreBlank() throws TranslationException {
        TranslationRequest request = new TranslationRequest("fr", "ES", List.of("", " "));

        TranslationResult result = RoutedTranslation.translate(request, RoutedTranslation.route(request, pairs),
                "apertium", null, this::tagging);

        assertThat(result.texts()).containsExactly("", " ");
        assertThat(hops).isEmpty();
    }

    @Test
    void rejectsAPairWithoutRouteNamingItAndTheInstalledPairs() {
        TranslationRequest request = new TranslationRequest("de", "EN-US", List.of("Hallo"));

        assertThatThrownBy(() -> RoutedTranslation.route(request, pairs))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("de -> EN-US", "es-fr, fr-es, spa-eng", "2 pairs");
                    assertThat(e.unsupportedPair()).as("a refusal of the pair, not an engine failure")
                            .contains(new news.wiretranslation.translate.UnsupportedPair("de", "EN-US"));
                });
    }

    @Test
    void rejectsTranslatingALanguageIntoItself() {
        TranslationRequest request = new TranslationRequest("fr", "FR", List.of("Bonjour"));

        assertThatThrownBy(() -> RoutedTranslation.route(request, pairs))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.getMessage()).contains("same language");
                    assertThat(e.unsupportedPair()).isEmpty();
                });
    }

    @Test
    void reportsAHopThatLosesTextsAsAServerError() {
        TranslationRequest request = new TranslationRequest("fr", "ES", List.of("Un", "Deux"));

        assertThatThrownBy(() -> RoutedTranslation.translate(request, RoutedTranslation.route(request, pairs),
                "apertium", null, (pair, texts) -> List.of("Uno")))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
    }
}
