package news.wiretranslation.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import news.wiretranslation.article.NormalizedArticle;
import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void htmlPageKeepsOnlyArticleTextInOrder() {
        String html = """
                <!DOCTYPE html>
                <html><head><title>Site title</title><style>p { color: red }</style>
                <script>var tracking = "script text";</script></head>
                <body>
                  <header><div class="logo">Site name</div></header>
                  <nav><ul><li>Home</li><li>World</li></ul></nav>
                  <!-- a comment -->
                  <h1>Floods in the north</h1>
                  <p>First paragraph <b>with bold</b> and a <a href="/x">link</a>.</p>
                  <script>document.write("injected")</script>
                  <noscript>Enable JavaScript</noscript>
                  <p>Second<br>line after a break.</p>
                  <aside>Related: other story</aside>
                  <form><label>Newsletter</label><input name="e"><button>Subscribe</button></form>
                  <template><p>Template text</p></template>
                  <svg><text>Chart label</text></svg>
                  <iframe src="https://ads.example"></iframe>
                  <footer>Copyright</footer>
                </body></html>
                """;

        NormalizedArticle article = normalizer.normalize(raw("Headline", html, BodyFormat.HTML));

        assertThat(article.paragraphs()).containsExactly(
                "Floods in the north",
                "First paragraph with bold and a link.",
                "Second line after a break.");
    }

    @Test
    void htmlPrefersTheArticleElement() {
        String html = """
                <body><div>Cookie banner text</div>
                <main><p>Main intro outside the article</p>
                  <article><p>The story itself.</p><p>Its second paragraph.</p></article>
                </main>
                <article><p>Short teaser</p></article></body>
                """;

        NormalizedArticle article = normalizer.normalize(raw("Headline", html, BodyFormat.HTML));

        assertThat(article.paragraphs()).containsExactly("The story itself.", "Its second paragraph.");
    }

    @Test
    void htmlUsesMainWhenThereIsNoArticle() {
        String html = "<body><div>Banner</div><main><p>Main text.</p></main><div>Trailer</div></body>";

        assertThat(normalizer.normalize(raw("H", html, BodyFormat.HTML)).paragraphs()).containsExactly("Main text.");
    }

    @Test
    void htmlBlockElementsBecomeParagraphs() {
        String html = """
                <div>Direct text in a div
                  <p>A paragraph inside it</p>
                  tail text of the div</div>
                <ul><li>First item</li><li>Second <em>item</em></li></ul>
                <blockquote><p>A quote</p></blockquote>
                <dl><dt>Term</dt><dd>Definition</dd></dl>
                <figure><img src="a.jpg" alt="ignored"><figcaption>A caption</figcaption></figure>
                <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
                <pre>preformatted
                   text</pre>
                <h2>A subheading</h2><p></p><p>&nbsp;</p><p>Last.</p>
                """;

        NormalizedArticle article = normalizer.normalize(raw("H", html, BodyFormat.HTML));

        assertThat(article.paragraphs()).containsExactly(
                "Direct text in a div", "A paragraph inside it", "tail text of the div",
                "First item", "Second item", "A quote", "Term", "Definition", "A caption",
                "Cell one", "Cell two", "preformatted text", "A subheading", "Last.");
    }

    @Test
    void htmlEntitiesAreDecodedAndNoMarkupSurvives() {
        String html = "<p>L&#8217;&eacute;t&eacute; &amp; l&rsquo;hiver&nbsp;: &laquo;&nbsp;froid&nbsp;&raquo; "
                + "&lt;b&gt;not a tag&lt;/b&gt; &#x1F600;</p>";

        NormalizedArticle article = normalizer.normalize(raw("H", html, BodyFormat.HTML));

        assertThat(article.paragraphs()).containsExactly(
                "L\u2019\u00e9t\u00e9 & l\u2019hiver\u00a0: \u00ab\u00a0froid\u00a0\u00bb "
                        + "<b>not a tag</b> \uD83D\uDE00");
    }

    @Test
    void htmlWithNoTextGivesNoParagraphs() {
        NormalizedArticle article = normalizer.normalize(raw("", "<script>x()</script><p> </p>", BodyFormat.HTML));

        assertThat(article.paragraphs()).isEmpty();
        assertThat(article.isEmpty()).isTrue();
    }

    @Test
    void textParagraphsSplitOnBlankLinesAndJoinWrappedLines() {
        String body = "First paragraph\nwrapped over\r\nthree lines.\n\n\nSecond paragraph.\n \t \n"
                + "Third\u00A0paragraph\n\u00A0\u200B\nFourth.\n";

        NormalizedArticle article = normalizer.normalize(raw("Headline", body, BodyFormat.TEXT));

        assertThat(article.paragraphs()).containsExactly(
                "First paragraph wrapped over three lines.", "Second paragraph.", "Third paragraph", "Fourth.");
    }

    @Test
    void textParagraphsAreCleanedAndEmptyOnesDropped() {
        String body = "\n\n  Caf\u0065\u0301  au\tlait \u0007 \n\n\uFEFF\u200B\n\n\u0000\n\nEnd\uD800.";

        NormalizedArticle article = normalizer.normalize(raw("Headline", body, BodyFormat.TEXT));

        assertThat(article.paragraphs()).containsExactly("Caf\u00e9 au lait", "End.");
    }

    @Test
    void headlineIsCleanedToOneLine() {
        NormalizedArticle article = normalizer.normalize(
                raw("  Breaking:\n  floods\u00A0in\tthe  north\u200B ", "Body.", BodyFormat.TEXT));

        assertThat(article.headline()).isEqualTo("Breaking: floods in the north");
    }

    @Test
    void realFrenchArticleAsTextKeepsEveryParagraphWithoutRules() throws IOException {
        String[] lines = resource("/fixtures/seed-article-fr.txt").split("\n", 3);
        String headline = lines[1];
        String body = lines[2];

        NormalizedArticle article = new TextNormalizer(BoilerplateRules.none())
                .normalize(raw(headline, body, BodyFormat.TEXT));

        assertThat(article.headline())
                .startsWith("Les \u00c9tats-Unis donnent leur feu vert aux attaques ukrainiennes")
                .doesNotContain("\n");
        assertThat(article.paragraphs()).hasSize(14);
        assertThat(article.paragraphs().get(0)).startsWith("Washington pense maintenant");
        assertThat(article.paragraphs().get(3)).startsWith("\u00ab Nous ne pouvons pas");
        assertThat(article.paragraphs().get(5)).startsWith("\u00ab\u00a0Nous utilisons toujours");
        assertThat(article.paragraphs().get(12)).isEqualTo("RT");
        assertThat(article.paragraphs().get(13)).startsWith("Toutes les actualit\u00e9s du site")
                .endsWith("non \u00e0 partir d'un \u00e9diteur humain.");
        assertThat(article.paragraphs()).allSatisfy(paragraph -> assertThat(paragraph)
                .doesNotContain("\n", "  ")
                .isEqualTo(paragraph.strip()));
        assertThat(article.rulesApplied()).isEmpty();
    }

    @Test
    void seedArticleLosesItsSiteChromeAndReportsEachRule() throws IOException {
        String[] lines = resource("/fixtures/seed-article-fr.txt").split("\n", 2);

        NormalizedArticle article = normalizer.normalize(raw("rt-fr", lines[0], lines[1], BodyFormat.TEXT));

        assertThat(lines[0]).isEqualTo("Skip to content");
        assertThat(article.headline()).isEqualTo(
                "Les \u00c9tats-Unis donnent leur feu vert aux attaques ukrainiennes \u00e0 l\u2019int\u00e9rieur "
                        + "de la Russie \u2013 Times");
        assertThat(article.paragraphs()).hasSize(11);
        assertThat(article.paragraphs().get(0)).startsWith("Washington pense maintenant");
        assertThat(article.paragraphs().get(10)).startsWith("En septembre, la porte-parole");
        assertThat(article.paragraphs()).doesNotContain("RT")
                .noneMatch(paragraph -> paragraph.contains("partager cette histoire"))
                .noneMatch(paragraph -> paragraph.contains("point de vue du site"))
                .noneMatch(paragraph -> paragraph.contains("Skip to content"));
        assertThat(article.rulesApplied()).containsExactly(
                "boilerplate:skip-to-content",
                "boilerplate:rt-headline-suffix",
                "boilerplate:rt-disclaimer",
                "boilerplate:share-prompt",
                "boilerplate:rt-logo-line");
    }

    @Test
    void sourceWithoutMatchingRulesKeepsItsText() throws IOException {
        String[] lines = resource("/fixtures/seed-article-fr.txt").split("\n", 3);
        BoilerplateRules rtOnly = BoilerplateRules.parse(
                "logo\trt-*\tdrop-paragraph\tRT\n"
                        + "tail\trt-*\tdrop-from\tToutes les actualit\u00e9s du site.*\n", "rt-only");

        NormalizedArticle article = new TextNormalizer(rtOnly)
                .normalize(raw("afp", lines[1], lines[2], BodyFormat.TEXT));

        assertThat(article.headline()).endsWith("\u2013 Times \u2013 RT Russie et ex-Union sovi\u00e9tique");
        assertThat(article.paragraphs()).hasSize(14).contains("RT");
        assertThat(article.paragraphs().get(13)).startsWith("Toutes les actualit\u00e9s du site");
        assertThat(article.rulesApplied()).isEmpty();
    }

    @Test
    void htmlArticleWithChromeAndShareButtonsComesOutClean() {
        String html = """
                <body>
                  <a class="skip" href="#content">Skip to content</a>
                  <div id="content">
                    <p>Floods closed forty schools in the north on Monday.</p>
                    <div class="share"><span>Share this</span></div>
                    <p>Advertisement</p>
                    <p>Rivers are expected to peak on Wednesday.</p>
                    <p>Read more: <a href="/other">Storm warnings for the coast</a></p>
                    <div class="social">Share this article:</div>
                  </div>
                </body>
                """;

        NormalizedArticle article = normalizer.normalize(
                raw("rss:example.org", "Floods close schools", html, BodyFormat.HTML));

        assertThat(article.headline()).isEqualTo("Floods close schools");
        assertThat(article.paragraphs()).containsExactly(
                "Floods closed forty schools in the north on Monday.",
                "Rivers are expected to peak on Wednesday.");
        assertThat(article.rulesApplied()).containsExactly(
                "html", "boilerplate:skip-to-content", "boilerplate:share-prompt", "boilerplate:advertisement",
                "boilerplate:read-more");
    }

    @Test
    void plainTextWithoutChromeReportsNoRules() {
        NormalizedArticle article = normalizer.normalize(raw("Headline", "One.\n\nTwo.", BodyFormat.TEXT));

        assertThat(article.paragraphs()).containsExactly("One.", "Two.");
        assertThat(article.rulesApplied()).isEmpty();
    }

    @Test
    void oneNormalizerServesManyThreads() throws Exception {
        String[] lines = resource("/fixtures/seed-article-fr.txt").split("\n", 2);
        RawArticle seed = raw("rt-fr", lines[0], lines[1], BodyFormat.TEXT);
        NormalizedArticle expected = normalizer.normalize(seed);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<NormalizedArticle>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> normalizer.normalize(seed)));
            }
            for (Future<NormalizedArticle> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TextNormalizerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** An article of source "test" with the given text; shared by the normalization tests. */
    static RawArticle raw(String headline, String body, BodyFormat format) {
        return raw("test", headline, body, format);
    }

    private static RawArticle raw(String source, String headline, String body, BodyFormat format) {
        Instant now = Instant.parse("2024-06-01T12:00:00Z");
        return RawArticle.newBuilder()
                .setId("story-1")
                .setSource(source)
                .setHeadline(headline)
                .setBody(body)
                .setBodyFormat(format)
                .setPublishedAt(now)
                .setReceivedAt(now)
                .setAttributes(Map.of())
                .build();
    }
}
