package news.wiretranslation.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BuiltInBoilerplateRulesTest {

    private final BoilerplateRules rules = BoilerplateRules.defaults();

    @Test
    void builtInRulesLoadFromTheClasspath() {
        assertThat(rules.origin()).isEqualTo("classpath:/normalize/boilerplate.rules");
        assertThat(rules.rules()).extracting(BoilerplateRule::name).containsExactly(
                "skip-to-content", "share-prompt", "advertisement", "read-more",
                "rt-headline-suffix", "rt-logo-line", "rt-disclaimer");
        assertThat(BoilerplateRules.defaults()).isSameAs(rules);
    }

    @Test
    void skipToContentIsRecognisedInSixLanguages() {
        for (String chrome : List.of("Skip to content", "Skip to main content", "Aller au contenu",
                "Passer au contenu principal", "Zum Inhalt springen", "Saltar al contenido", "Vai al contenuto",
                "Salta al contenuto principale", "Saltar para o conteúdo", "Ir para o conteúdo principal")) {
            BoilerplateResult result = rules.apply("afp", chrome, List.of("Real headline", "Body."));

            assertThat(result.headline()).as(chrome).isEqualTo("Real headline");
            assertThat(result.rulesApplied()).as(chrome).containsExactly("boilerplate:skip-to-content");
        }
    }

    @Test
    void sharePromptsAdvertisementsAndReadMoreLinesAreDropped() {
        List<String> chrome = List.of("Share this article", "Share this:", "Partager", "Partager cet article",
                "Vous pouvez partager cette histoire sur les réseaux sociaux\u00A0:", "Teilen", "Compartir",
                "Condividi", "Partilhar", "Advertisement", "- Advertisement -", "Publicité", "ANZEIGE",
                "Read more: Floods close schools", "Lire aussi\u00A0: La crue de la Seine", "Lesen Sie auch",
                "Leggi anche: altra notizia", "Leia também");

        BoilerplateResult result = rules.apply("afp", "Headline", chrome);

        assertThat(result.paragraphs()).isEmpty();
        assertThat(result.rulesApplied()).containsExactly(
                "boilerplate:share-prompt", "boilerplate:advertisement", "boilerplate:read-more");
    }

    @Test
    void sentencesThatMerelyMentionChromeWordsAreKept() {
        List<String> story = List.of(
                "Share prices fell sharply on Monday.",
                "Les partenaires veulent partager les coûts.",
                "Die Anzeige wurde am Montag erstattet.",
                "Related costs rose by 3.5% in 2025.",
                "Read more books, the minister urged.",
                "RT is a Russian state-funded broadcaster.");

        BoilerplateResult result = rules.apply("rt-en", "Headline", story);

        assertThat(result.paragraphs()).isEqualTo(story);
        assertThat(result.rulesApplied()).isEmpty();
    }

    @Test
    void rtRulesLeaveOtherSourcesAlone() {
        List<String> body = List.of("Body.", "RT",
                "Toutes les actualités du site n'expriment pas le point de vue du site, mais voilà.");

        BoilerplateResult rt = rules.apply("rt-fr", "Titre – RT en français", body);
        BoilerplateResult afp = rules.apply("afp", "Titre – RT en français", body);

        assertThat(rt.headline()).isEqualTo("Titre");
        assertThat(rt.paragraphs()).containsExactly("Body.");
        assertThat(afp.headline()).isEqualTo("Titre – RT en français");
        assertThat(afp.paragraphs()).isEqualTo(body);
        assertThat(afp.rulesApplied()).isEmpty();
    }
}
