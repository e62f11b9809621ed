package news.wiretranslation.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleFileReaderTest {
    private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");
    private static final Path NINJS = Path.of("src/test/resources/ninjs");

    private final ArticleFileReader reader = new ArticleFileReader(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    // ---- plain text ----

    @Test
    void plainTextTakesTheFirstNonBlankLineAsHeadlineAndTheFileNameAsId() throws Exception {
        Path file = write("paris-fire.txt", "\n  \nFire in a Paris warehouse\n\nFirst paragraph\nwrapped here.\n\nSecond paragraph.\n\n");

        RawArticle article = single(reader.read(file));

        assertThat(article.getId()).isEqualTo("paris-fire");
        assertThat(article.getSource()).isEqualTo("file");
        assertThat(article.getHeadline()).isEqualTo("Fire in a Paris warehouse");
        assertThat(article.getBody()).isEqualTo("First paragraph\nwrapped here.\n\nSecond paragraph.");
        assertThat(article.getBodyFormat()).isEqualTo(BodyFormat.TEXT);
        assertThat(article.getDeclaredLanguage()).isNull();
        assertThat(article.getRevision()).isEqualTo(1);
        assertThat(article.getUrgency()).isNull();
        assertThat(article.getPublishedAt()).isEqualTo(NOW);
        assertThat(article.getReceivedAt()).isEqualTo(NOW);
        assertThat(article.getAttributes()).containsEntry("file", "paris-fire.txt");
    }

    @Test
    void overridesWinOverWhatTheFileImplies() throws Exception {
        Path file = write("story.txt", "Headline\n\nBody.");

        RawArticle article = single(reader.read(file, new ArticleOverrides("custom-id", "afp", "fr", 3, 0)));

        assertThat(article.getId()).isEqualTo("custom-id");
        assertThat(article.getSource()).isEqualTo("afp");
        assertThat(article.getDeclaredLanguage()).isEqualTo("fr");
        assertThat(article.getRevision()).isEqualTo(3);
    }

    @Test
    void skipLinesDropsSiteChromeBeforeTheHeadline() throws Exception {
        Path seed = Path.of("src/test/resources/fixtures/seed-article-fr.txt");

        RawArticle article = single(reader.read(seed, ArticleOverrides.NONE.withSkipLines(1)));

        assertThat(article.getHeadline()).startsWith("Les États-Unis donnent leur feu vert");
        assertThat(article.getBody()).startsWith("Washington pense maintenant").doesNotContain("Skip to content");
        assertThat(single(reader.read(seed)).getHeadline()).isEqualTo("Skip to content");
    }

    @Test
    void standardInputGetsAnIdFromItsContent() throws Exception {
        ArticleInput input = ArticleInput.of(new java.io.ByteArrayInputStream("Headline\n\nBody".getBytes(StandardCharsets.UTF_8)));

        RawArticle first = single(reader.read(input, ArticleFormat.TEXT, ArticleOverrides.NONE));
        RawArticle again = single(reader.read(input, ArticleFormat.TEXT, ArticleOverrides.NONE));

        assertThat(first.getId()).matches("stdin-[0-9a-f]{12}").isEqualTo(again.getId());
        assertThat(first.getAttributes()).doesNotContainKey("file");
    }

    // ---- HTML ----

    @Test
    void htmlTakesHeadlineLanguageUrlAndTimeFromThePageAndSendsTheHtmlAsBody() throws Exception {
        String page = """
                <!DOCTYPE html><html lang="fr"><head><title>Le titre | Site</title>
                <link rel="canonical" href="https://example.org/article-1">
                <meta property="article:published_time" content="2025-04-30T10:15:00+02:00"></head>
                <body><header><h1>Logo du site</h1></header><article><h1> Le vrai titre </h1><p>Un paragraphe.</p></article></body></html>
                """;
        Path file = write("page.html", page);

        RawArticle article = single(reader.read(file));

        assertThat(article.getId()).isEqualTo("page");
        assertThat(article.getHeadline()).isEqualTo("Le vrai titre");
        assertThat(article.getBody()).isEqualTo(page);
        assertThat(article.getBodyFormat()).isEqualTo(BodyFormat.HTML);
        assertThat(article.getDeclaredLanguage()).isEqualTo("fr");
        assertThat(article.getUrl()).isEqualTo("https://example.org/article-1");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2025-04-30T08:15:00Z"));
    }

    @Test
    void htmlWithoutH1FallsBackToTheTitleAndWithoutLangDeclaresNothing() throws Exception {
        Path file = write("fragment.htm", "<title>Only a title</title><p>Text.</p>");

        RawArticle article = single(reader.read(file));

        assertThat(article.getHeadline()).isEqualTo("Only a title");
        assertThat(article.getDeclaredLanguage()).isNull();
        assertThat(article.getUrl()).isNull();
        assertThat(article.getPublishedAt()).isEqualTo(NOW);
    }

    // ---- ninjs ----

    static Stream<Arguments> agencyExamples() {
        String dpaId = "newsml-dpa-com-20090101-190510-99-167362";
        String apId = "ninjs-example-com-newsitems-20130709simp123";
        String ntbId = "8d19cf88-b3ab-4972-8fec-1207599f2872";
        return Stream.of(
                Arguments.of("2.1/dpa_text.json", "de", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", dpaId, 2, 4, BodyFormat.HTML, "dpa"),
                Arguments.of("3.0/dpa_text.json", "de", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?", dpaId, 2, 4, BodyFormat.HTML, "dpa"),
                Arguments.of("2.1/ninjsExSimpleText_2.json", null, "Captain of wrecked cruise ship on trial in Italy", apId, 1, null, BodyFormat.TEXT, "paulo-santalucia-and-frances-d-emilio"),
                Arguments.of("3.0/ninjsExSimpleText_3.json", null, "Captain of wrecked cruise ship on trial in Italy", apId, 1, null, BodyFormat.TEXT, "paulo-santalucia-and-frances-d-emilio"),
                Arguments.of("2.1/ntb_text.json", "nb-NO", "Google har kjøpt giganttomt i Skien", ntbId, 6, 5, BodyFormat.TEXT, "ntb"),
                Arguments.of("3.0/ntb_text.json", "nb-NO", "Google har kjøpt giganttomt i Skien", ntbId, 6, 5, BodyFormat.TEXT, "ntb"),
                Arguments.of("2.1/tt_text_image_2.json", "sv", "Militärövning i jätteformat hålls 2023",
                        "tt-se-media-text-210526-militarovning-a0f2d045", 1, 3, BodyFormat.TEXT, "tt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agencyExamples")
    void everyAgencyExampleConverts(String example, String language, String headline, String id, int revision,
                                    Integer urgency, BodyFormat format, String source) throws Exception {
        RawArticle article = single(reader.read(NINJS.resolve(example)));

        assertThat(article.getDeclaredLanguage()).isEqualTo(language);
        assertThat(article.getHeadline()).isEqualTo(headline);
        assertThat(article.getBody()).isNotBlank();
        assertThat(article.getId()).isEqualTo(id);
        assertThat(article.getRevision()).isEqualTo(revision);
        assertThat(article.getUrgency()).isEqualTo(urgency);
        assertThat(article.getBodyFormat()).isEqualTo(format);
        assertThat(article.getSource()).isEqualTo(source);
        assertThat(article.getAttributes()).containsKey("ninjs.uri");
    }

    @Test
    void ninjsVersionsTwoAndThreeOfOneItemGiveTheSameArticle() throws Exception {
        for (String item : List.of("dpa_text.json", "ntb_text.json")) {
            RawArticle two = single(reader.read(NINJS.resolve("2.1/" + item)));
            RawArticle three = single(reader.read(NINJS.resolve("3.0/" + item)));
            assertThat(three).as(item).isEqualTo(two);
        }
    }

    @Test
    void ninjsTakesVersionCreatedAsPublicationTimeAndKeepsDpaHtml() throws Exception {
        RawArticle dpa = single(reader.read(NINJS.resolve("3.0/dpa_text.json")));

        assertThat(dpa.getPublishedAt()).isEqualTo(Instant.parse("2019-05-10T14:02:28Z"));
        assertThat(dpa.getReceivedAt()).isEqualTo(NOW);
        assertThat(dpa.getBody()).startsWith("<section class=\"main\"><p>Für Lucien Favre");
        assertThat(dpa.getAttributes()).containsEntry("ninjs.version", "2");
        assertThat(dpa.getByline()).isEqualTo("Von Christian Hollmann, dpa");
    }

    @Test
    void ninjsPlainTextLinesBecomeParagraphsAndXmlBodiesAreSkipped() throws Exception {
        RawArticle tt = single(reader.read(NINJS.resolve("2.1/tt_text_image_2.json")));

        assertThat(tt.getBody()).startsWith("Militärövning i jätteformat hålls 2023\n\nFörsvar TT\n\nPandemin satte stopp")
                .doesNotContain("<TTNITF>");
    }

    @Test
    void ninjsWithoutBodiesUsesTheDescription() throws Exception {
        RawArticle ntb = single(reader.read(NINJS.resolve("2.1/ntb_text.json")));

        assertThat(ntb.getBody()).startsWith("IT-giganten Google har kjøpt en tomt");
    }

    @Test
    void ninjsOneFieldNamesAreReadToo() throws Exception {
        Path file = write("legacy.json", """
                {"uri": "http://example.org/items/42", "version": "3", "language": "it", "urgency": 2,
                 "headline": "Titolo", "body_text": "Testo.", "body_html": "<p>Testo.</p>"}
                """);

        RawArticle article = single(reader.read(file));

        assertThat(article.getId()).isEqualTo("example-org-items-42");
        assertThat(article.getHeadline()).isEqualTo("Titolo");
        assertThat(article.getBody()).isEqualTo("<p>Testo.</p>");
        assertThat(article.getBodyFormat()).isEqualTo(BodyFormat.HTML);
        assertThat(article.getRevision()).isEqualTo(3);
        assertThat(article.getUrgency()).isEqualTo(2);
    }

    @Test
    void ninjsBodyWithRoleMainWinsOverEarlierBodiesAndUnreadableOnesArePassedOver() throws Exception {
        Path file = write("bodies.json", """
                {"uri": "urn:example:1", "type": "text", "headlines": [{"value": "Title"}],
                 "bodies": [{"role": "nitf", "contentType": "text/vnd.IPTC.NITF", "value": "<nitf/>"},
                            {"role": "summary", "contentType": "text/plain", "value": "Short."},
                            {"role": "main", "value": "<p>Main.</p>", "contentType": "text/html"}]}
                """);
        Path untyped = write("untyped.json", """
                {"uri": "urn:example:2", "headlines": [{"value": "Title"}],
                 "bodies": [{"role": "xhtml", "value": "<p>Marked up.</p>"}]}
                """);

        RawArticle main = single(reader.read(file));
        RawArticle html = single(reader.read(untyped));

        assertThat(main.getBody()).isEqualTo("<p>Main.</p>");
        assertThat(main.getBodyFormat()).isEqualTo(BodyFormat.HTML);
        assertThat(html.getBody()).isEqualTo("<p>Marked up.</p>");
        assertThat(html.getBodyFormat()).as("no content type, a role that says html").isEqualTo(BodyFormat.HTML);
    }

    @Test
    void ninjsSourceIsTheFirstInformationSourceThenTheCopyrightHolderThenByThenTheUrisDomain() throws Exception {
        Path infoSource = write("a.json", """
                {"uri": "http://www.example.org/1", "headline": "H", "body_text": "B.", "copyrightHolder": "Holder",
                 "infoSources": [{"role": "photographer"}, {"name": "Reuters"}], "by": "A. Writer"}
                """);
        Path holder = write("b.json", """
                {"uri": "http://www.example.org/2", "headline": "H", "body_text": "B.", "copyrightholder": "Holder",
                 "by": "A. Writer"}
                """);
        Path by = write("c.json", """
                {"uri": "http://www.example.org/3", "headline": "H", "body_text": "B.", "byline": "A. Writer"}
                """);
        Path domain = write("d.json", """
                {"uri": "http://www.example.org/4", "headline": "H", "body_text": "B."}
                """);

        assertThat(single(reader.read(infoSource)).getSource()).isEqualTo("reuters");
        assertThat(single(reader.read(holder)).getSource()).isEqualTo("holder");
        assertThat(single(reader.read(by)).getSource()).isEqualTo("a-writer");
        assertThat(single(reader.read(by)).getByline()).as("1.x byline").isEqualTo("A. Writer");
        assertThat(single(reader.read(domain)).getSource()).isEqualTo("example-org");
    }

    @Test
    void ninjsPackagesWithoutTextAndPlanningItemsAreRefused() throws Exception {
        Path composite = write("composite.json", """
                {"uri": "urn:example:pkg", "type": "composite", "headline": "Gallery",
                 "description_text": "Ten pictures of the fire."}
                """);
        Path planning = write("planning.json", """
                {"uri": "urn:example:plan", "headlines": [{"value": "Coverage of the summit"}],
                 "plannedCoverage": [{"uri": "urn:example:coverage"}]}
                """);

        assertThatThrownBy(() -> reader.read(composite)).isInstanceOf(ArticleRefusedException.class)
                .hasMessage(composite + ": item type 'composite' without a text body: only its text would be "
                        + "translated, and it has none");
        assertThatThrownBy(() -> reader.read(planning)).isInstanceOf(ArticleRefusedException.class)
                .hasMessageStartingWith(planning + ": item type 'planning' is not text");
    }

    // ---- JSON lines ----

    @Test
    void jsonLinesReadsEveryFieldAndDefaultsTheOptionalOnes() throws Exception {
        Path file = write("feed.jsonl", """
                {"id":"a-1","source":"afp","url":"https://example.org/a-1","headline":"Titre","body":"<p>Corps</p>","bodyFormat":"HTML","declaredLanguage":"fr","revision":2,"urgency":1,"publishedAt":"2025-04-01T08:00:00Z","receivedAt":"2025-04-01T08:00:05Z","attributes":{"slug":"titre"}}

                {"id":"b-2","source":"dpa","headline":"Titel","body":"Text."}
                """);

        List<RawArticle> articles = reader.read(file);

        assertThat(articles).hasSize(2);
        RawArticle full = articles.get(0);
        assertThat(full.getId()).isEqualTo("a-1");
        assertThat(full.getSource()).isEqualTo("afp");
        assertThat(full.getUrl()).isEqualTo("https://example.org/a-1");
        assertThat(full.getBodyFormat()).isEqualTo(BodyFormat.HTML);
        assertThat(full.getDeclaredLanguage()).isEqualTo("fr");
        assertThat(full.getRevision()).isEqualTo(2);
        assertThat(full.getUrgency()).isEqualTo(1);
        assertThat(full.getPublishedAt()).isEqualTo(Instant.parse("2025-04-01T08:00:00Z"));
        assertThat(full.getReceivedAt()).isEqualTo(Instant.parse("2025-04-01T08:00:05Z"));
        assertThat(full.getAttributes()).containsExactlyEntriesOf(java.util.Map.of("slug", "titre"));
        RawArticle minimal = articles.get(1);
        assertThat(minimal.getBodyFormat()).isEqualTo(BodyFormat.TEXT);
        assertThat(minimal.getDeclaredLanguage()).isNull();
        assertThat(minimal.getRevision()).isEqualTo(1);
        assertThat(minimal.getUrgency()).isNull();
        assertThat(minimal.getPublishedAt()).isEqualTo(NOW);
        assertThat(minimal.getAttributes()).isEmpty();
    }

    @Test
    void jsonLinesReportsEveryBadLineWithItsNumber() throws Exception {
        Path file = write("bad.jsonl", String.join("\n",
                "{\"id\":\"ok\",\"source\":\"afp\",\"headline\":\"H\",\"body\":\"B\"}",
                "{\"id\":\"x\",\"source\":\"afp\",\"headline\":\"H\"",
                "{\"id\":\"y\",\"source\":\"afp\",\"headline\":\"H\",\"body\":\"B\",\"headlnie\":\"typo\"}",
                "{\"source\":\"afp\",\"headline\":\"H\",\"body\":\"B\"}",
                "{\"id\":\"z\",\"source\":\"afp\",\"headline\":\"H\",\"body\":\"B\",\"publishedAt\":\"yesterday\"}",
                "{\"id\":\"w\",\"source\":\"afp\",\"headline\":\"H\",\"body\":\"B\",\"bodyFormat\":\"PDF\"}"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOfSatisfying(ArticleReadException.class, e -> {
                    assertThat(e.input()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.getMessage()).startsWith(file + ":2: not valid JSON");
                    assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly(
                            file + ":3: unknown field \"headlnie\" (RawArticle has id, source, url, headline, body, bodyFormat, "
                                    + "declaredLanguage, revision, urgency, publishedAt, receivedAt, attributes)",
                            file + ":4: \"id\" is missing",
                            file + ":5: \"publishedAt\" 'yesterday' is not an ISO-8601 instant such as 2025-03-01T09:30:00Z",
                            file + ":6: \"bodyFormat\" must be \"TEXT\" or \"HTML\", not \"PDF\"");
                });
    }

    @Test
    void jsonLinesArticlesTheServiceWouldRejectAreRefusedWithTheirLine() throws Exception {
        Path file = write("invalid.jsonl", String.join("\n",
                "{\"id\":\"ok\",\"source\":\"afp\",\"headline\":\"H\",\"body\":\"B\"}",
                "{\"id\":\"u\",\"source\":\"afp\",\"headline\":\"H\",\"body\":\"B\",\"urgency\":12}"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ":2: urgency is 12; IPTC urgency runs from 1 (flash) to 9");
    }

    // ---- errors ----

    @Test
    void badFilesAreErrorsNamingTheFileAndWhatIsWrong() throws Exception {
        assertError(write("empty.txt", "\n   \n"), "empty.txt: is empty: a headline line and a body were expected");
        assertError(write("notes.md", "# Notes"), "notes.md: has an extension no reader knows");
        assertError(write("broken.json", "{\n  \"uri\": \"x\",\n  \"headlines\": [\n}"), "broken.json:4: not valid JSON");
        assertError(write("array.json", "[]"), "array.json: is not a JSON object");
        assertError(write("no-uri.json", "{\"headlines\":[{\"value\":\"H\"}]}"), "no-uri.json: has no \"uri\"");
        assertError(write("urgent.json", "{\"uri\":\"u\",\"urgency\":12,\"headlines\":[{\"value\":\"H\"}]}"),
                "urgent.json: urgency 12 is not a whole number from 1 to 9");
        assertError(write("empty.json", "{\"uri\":\"u\",\"bodies\":[{\"contenttype\":\"application/xml\",\"value\":\"<x/>\"}]}"),
                "empty.json: has neither a headline nor a body");
        assertError(write("no-headline.html", "<p>just text</p>"), "no-headline.html: has no <h1> and no <title>");
        assertError(write("empty.jsonl", "\n\n"), "empty.jsonl: holds no articles");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "Fête à Orléans\n\nCorps".getBytes(StandardCharsets.ISO_8859_1));
        assertError(latin1, "latin1.txt: not valid UTF-8 text");
    }

    @Test
    void overridesTheServiceWouldRejectAreErrors() throws Exception {
        Path file = write("story.txt", "Headline\n\nBody.");
        assertThatThrownBy(() -> reader.read(file, new ArticleOverrides(null, null, null, 0, 0)))
                .hasMessage(file + ": revision is 0; revisions start at 1");
        Path feed = write("two.jsonl", "{\"id\":\"a\",\"source\":\"s\",\"headline\":\"H\",\"body\":\"B\"}\n"
                + "{\"id\":\"b\",\"source\":\"s\",\"headline\":\"H\",\"body\":\"B\"}\n");
        assertThatThrownBy(() -> reader.read(feed, ArticleOverrides.NONE.withId("one")))
                .hasMessage(feed + ": an id override names one article, but the input holds 2");
    }

    private void assertError(Path file, String messageStart) {
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageStartingWith(dir.resolve(messageStart.substring(0, messageStart.indexOf(':'))) + messageStart.substring(messageStart.indexOf(':')));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static RawArticle single(List<RawArticle> articles) {
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }
}
