package news.wiretranslation.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BoilerplateRulesTest {

    @Test
    void commentsBlankLinesAndAlignedColumnsAreAccepted() {
        BoilerplateRules rules = BoilerplateRules.parse("""
                # comment
                   # indented comment

                ads\t*\t\tdrop-paragraph\tAdvertisement\r
                tail\tafp, dpa\tdrop-from\tcopyright.*
                """, "inline");

        assertThat(rules.rules()).extracting(BoilerplateRule::name).containsExactly("ads", "tail");
        assertThat(rules.rules().get(1).sources()).containsExactly("afp", "dpa");
        assertThat(rules.rules().get(1).kind()).isEqualTo(RuleKind.DROP_FROM);
    }

    @Test
    void badRegexFailsNamingTheFileAndLine() throws URISyntaxException {
        Path file = resource("/normalize/bad-regex.rules");

        assertThatThrownBy(() -> BoilerplateRules.load(file))
                .isInstanceOfSatisfying(InvalidRulesException.class, e -> {
                    assertThat(e.origin()).isEqualTo(file.toString());
                    assertThat(e.lineNumber()).isEqualTo(4);
                    assertThat(e.problem()).contains("invalid regex for rule 'broken'", "Unclosed group");
                })
                .hasMessageStartingWith(file + ":4: ");
    }

    @Test
    void unknownKindFailsNamingTheLineAndTheValidKinds() throws URISyntaxException {
        Path file = resource("/normalize/unknown-kind.rules");

        assertThatThrownBy(() -> BoilerplateRules.load(file))
                .isInstanceOf(InvalidRulesException.class)
                .hasMessage(file + ":3: unknown kind 'drop-paragrpah' (expected one of drop-paragraph, drop-line, "
                        + "strip-headline-suffix, drop-from)");
    }

    @Test
    void malformedLinesFailNamingTheProblem() {
        assertThatThrownBy(() -> BoilerplateRules.parse("ads * drop-paragraph Advertisement", "spaces.rules"))
                .hasMessage("spaces.rules:1: expected 4 tab-separated fields (name, sources, kind, pattern) "
                        + "but found 1 (are the tabs spaces?)");
        assertThatThrownBy(() -> BoilerplateRules.parse("ads\t*\tdrop-paragraph", "short.rules"))
                .hasMessageStartingWith("short.rules:1: expected 4 tab-separated fields");
        assertThatThrownBy(() -> BoilerplateRules.parse("a\t*\tdrop-line\tx\n\na\t*\tdrop-line\ty", "dup.rules"))
                .hasMessage("dup.rules:3: duplicate rule name 'a' (already defined on line 1)");
        assertThatThrownBy(() -> BoilerplateRules.parse("bad name!\t*\tdrop-line\tx", "name.rules"))
                .hasMessageStartingWith("name.rules:1: invalid rule name 'bad name!'");
        assertThatThrownBy(() -> BoilerplateRules.parse("a\tafp,,dpa\tdrop-line\tx", "sources.rules"))
                .hasMessage("sources.rules:1: invalid sources 'afp,,dpa': empty source name in the source list");
    }

    @Test
    void unreadableFileFailsNamingTheFile() {
        Path missing = Path.of("/nonexistent/boilerplate.rules");

        assertThatThrownBy(() -> BoilerplateRules.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("/nonexistent/boilerplate.rules");
    }

    @Test
    void rulesApplyOnlyToTheSourcesTheyName() throws URISyntaxException {
        BoilerplateRules rules = BoilerplateRules.load(resource("/normalize/newsroom.rules"));
        List<String> body = List.of("AFP-2026-11-20-001", "Paris is calm.", "Subscribe now!", "© 2026 Example");

        BoilerplateResult afp = rules.apply("AFP", "Calm in Paris (AFP)", body);
        BoilerplateResult example = rules.apply("rss:example.org", "Calm in Paris (AFP)", body);
        BoilerplateResult other = rules.apply("reuters", "Calm in Paris (AFP)", body);

        assertThat(afp.headline()).isEqualTo("Calm in Paris");
        assertThat(afp.paragraphs()).containsExactly("Paris is calm.", "Subscribe now!", "© 2026 Example");
        assertThat(afp.rulesApplied()).containsExactly("boilerplate:wire-slug", "boilerplate:wire-suffix");
        assertThat(example.headline()).isEqualTo("Calm in Paris (AFP)");
        assertThat(example.paragraphs()).containsExactly("AFP-2026-11-20-001", "Paris is calm.");
        assertThat(example.rulesApplied()).containsExactly("boilerplate:example-footer", "boilerplate:example-promo");
        assertThat(other.headline()).isEqualTo("Calm in Paris (AFP)");
        assertThat(other.paragraphs()).isEqualTo(body);
        assertThat(other.rulesApplied()).isEmpty();
    }

    @Test
    void dropFromDropsTheMatchingParagraphAndEverythingAfterIt() {
        BoilerplateRules rules = BoilerplateRules.parse(
                "disclaimer\t*\tdrop-from\tThis story was translated automatically\\..*", "inline");

        BoilerplateResult result = rules.apply("any", "Headline", List.of("One.", "Two.",
                "This story was translated automatically. We do not endorse it.", "Share", "Follow us"));

        assertThat(result.paragraphs()).containsExactly("One.", "Two.");
        assertThat(result.rulesApplied()).containsExactly("boilerplate:disclaimer");
    }

    @Test
    void dropParagraphNeedsAFullMatch() {
        BoilerplateRules rules = BoilerplateRules.parse("ads\t*\tdrop-paragraph\tadvertisement", "inline");

        BoilerplateResult result = rules.apply("any", "H", List.of("ADVERTISEMENT", "The advertisement market grew."));

        assertThat(result.paragraphs()).containsExactly("The advertisement market grew.");
    }

    @Test
    void dropLinePromotesTheFirstParagraphWhenTheHeadlineIsChrome() {
        BoilerplateRules rules = BoilerplateRules.parse("""
                skip\t*\tdrop-line\tskip to content
                menu\t*\tdrop-line\tmenu
                """, "inline");

        BoilerplateResult promoted = rules.apply("any", "Skip to content", List.of("Menu", "Real headline", "Body."));
        BoilerplateResult leading = rules.apply("any", "Real headline", List.of("Skip to content", "Body.", "Menu"));

        assertThat(promoted.headline()).isEqualTo("Real headline");
        assertThat(promoted.paragraphs()).containsExactly("Body.");
        assertThat(promoted.rulesApplied()).containsExactly("boilerplate:skip", "boilerplate:menu");
        assertThat(leading.headline()).isEqualTo("Real headline");
        assertThat(leading.paragraphs()).containsExactly("Body.", "Menu");
    }

    @Test
    void headlineSuffixIsStrippedButNeverTheWholeHeadline() {
        BoilerplateRules rules = BoilerplateRules.parse("site\t*\tstrip-headline-suffix\t\\s*\\|\\s*Example News",
                "inline");

        assertThat(rules.apply("any", "Floods in the north | Example News", List.of()).headline())
                .isEqualTo("Floods in the north");
        assertThat(rules.apply("any", "| Example News", List.of()).headline()).isEqualTo("| Example News");
        assertThat(rules.apply("any", "| Example News", List.of()).rulesApplied()).isEmpty();
    }

    @Test
    void rulesForASourceAreResolvedOnce() {
        BoilerplateRules rules = BoilerplateRules.defaults();

        assertThat(rules.forSource("rt-fr")).isSameAs(rules.forSource("rt-fr"));
        assertThat(rules.forSource("afp")).isNotSameAs(rules.forSource("rt-fr"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(BoilerplateRulesTest.class.getResource(name).toURI());
    }
}
