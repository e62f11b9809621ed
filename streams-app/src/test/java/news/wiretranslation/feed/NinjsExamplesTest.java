package news.wiretranslation.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example item of IPTC's iptc/newsinjson repository (ninjs 1.4, 2.1 and 3.0; copies in
 * {@code src/test/resources/ninjs/}, see its README) read as {@code publish} reads it: each text item with the
 * headline, body, source and uri it must give, each other item refused with its type named.
 */
class NinjsExamplesTest {
    static final Path EXAMPLES = Path.of("src/test/resources/ninjs");
    private static final Instant NOW = Instant.parse("2025-05-01T12:00:00Z");
    private static final String CAPTAIN = "Captain of wrecked cruise ship on trial in Italy";
    private static final String GROSSETO = "GROSSETO, Italy (AP) -- The trial of the captain";
    private static final String AUTHORS = "paulo-santalucia-and-frances-d-emilio";
    private static final String DPA_URI = "urn:newsml:dpa.com:20090101:190510-99-167362";
    private static final String NTB_URI = "urn:8d19cf88-b3ab-4972-8fec-1207599f2872";
    private static final String TT_URI = "http://tt.se/media/text/210526-militarovning-a0f2d045";
    private static final String BW = "http://www.businesswire.com/news/home/";

    private final ArticleFileReader reader = new ArticleFileReader(Clock.fixed(NOW, ZoneOffset.UTC));

    /** A text item as publish sends it. */
    record Published(String example, String headline, String bodyStart, BodyFormat format, String source, String uri,
                     String type) {
        @Override
        public String toString() {
            return example;
        }
    }

    static Stream<Published> textItems() {
        return Stream.of(
                // 1.4: single body fields; Business Wire's only body is body_xhtml
                new Published("1.4/businesswire-newsml-20130515006361.json",
                        "Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations",
                        "<a rel=\"nofollow\" href=\"http://www.dell.com\" >Dell</a> today announced", BodyFormat.HTML,
                        "businesswire-com", BW + "20130515006361/en", "composite"),
                new Published("1.4/businesswire-newsml-20130605006126.json", "Cambrios被Gartner評選為「最酷供應商」",
                        "(美國商業資訊)--為透明及軟性導體市場", BodyFormat.HTML, "businesswire-com", BW + "20130605006126/zh", "text"),
                new Published("1.4/businesswire-newsml-20130612006110.json",
                        "APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策",
                        "亚洲浆纸业有限公司（Asia Pulp & Paper", BodyFormat.HTML, "businesswire-com", BW + "20130612006110/zh", "text"),
                new Published("1.4/businesswire-newsml-20130731006140.json",
                        "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In",
                        "With more Applebee’s<sup >®</sup> Lunch Combos", BodyFormat.HTML, "businesswire-com",
                        BW + "20130731006140/en", "composite"),
                new Published("1.4/ninjs-1-4-examples.json", "Test of three new properties", "", BodyFormat.TEXT,
                        "ninjs-example-com", "http://ninjs.example.com/newsitems/ninjs1-4-tests", null),
                new Published("1.4/ninjsExComplex1.json", CAPTAIN, "<p>" + GROSSETO, BodyFormat.HTML, AUTHORS,
                        "http://ninjs.example.com/newsitems/20130709cplx123", "composite"),
                new Published("1.4/ninjsExComplex2.json", CAPTAIN, "<p>" + GROSSETO, BodyFormat.HTML, AUTHORS,
                        "http://ninjs.example.com/newsitems/20130709cplx456", "composite"),
                new Published("1.4/ninjsExMediumText1.json", CAPTAIN, "<p>" + GROSSETO, BodyFormat.HTML, AUTHORS,
                        "http://ninjs.example.com/newsitems/20130709med123", "text"),
                new Published("1.4/ninjsExSimpleText1.json", CAPTAIN, "<p>" + GROSSETO, BodyFormat.HTML, AUTHORS,
                        "http://ninjs.example.com/newsitems/20130709simp123", "text"),
                // 2.1: bodies[] with lower-case names
                new Published("2.1/businesswire-newsml-20130605006126.json", "Cambrios被Gartner評選為「最酷供應商」",
                        "(美國商業資訊)--為透明及軟性導體市場", BodyFormat.HTML, "businesswire-com", BW + "20130605006126/zh", "text"),
                new Published("2.1/businesswire-newsml-20130731006140.json",
                        "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In",
                        "With more Applebee’s<sup >®</sup> Lunch Combos", BodyFormat.HTML, "businesswire-com",
                        BW + "20130731006140/en", "composite"),
                new Published("2.1/dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
                        "<section class=\"main\"><p>Für Lucien Favre", BodyFormat.HTML, "dpa", DPA_URI, null),
                new Published("2.1/ninjsExSimpleText_2.json", CAPTAIN, GROSSETO, BodyFormat.TEXT, AUTHORS,
                        "http://ninjs.example.com/newsitems/20130709simp123", "text"),
                new Published("2.1/ntb_text.json", "Google har kjøpt giganttomt i Skien", "IT-giganten Google har kjøpt en tomt",
                        BodyFormat.TEXT, "ntb", NTB_URI, "text"),
                new Published("2.1/tt_text_image_2.json", "Militärövning i jätteformat hålls 2023",
                        "Militärövning i jätteformat hålls 2023\n\nFörsvar TT", BodyFormat.TEXT, "tt", TT_URI, "text"),
                // 3.0: camelCase; the anti-doping item's NITF body comes first and is passed over for its plain text
                new Published("3.0/20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json",
                        "Anti-doping measures at the 'Tour Down Under' will be the toughest ever",
                        "The initiatives are being implemented in close", BodyFormat.TEXT,
                        "trond-hus-the-anti-doping-database",
                        "https://antidopingdatabase.com/news/anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever",
                        "text"),
                new Published("3.0/businesswire-newsml-20130605006126.json", "Cambrios被Gartner評選為「最酷供應商」",
                        "(美國商業資訊)--為透明及軟性導體市場", BodyFormat.HTML, "businesswire-com", BW + "20130605006126/zh", "text"),
                new Published("3.0/businesswire-newsml-20130731006140.json",
                        "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In",
                        "With more Applebee’s<sup >®</sup> Lunch Combos", BodyFormat.HTML, "businesswire-com",
                        BW + "20130731006140/en", "composite"),
                new Published("3.0/dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?",
                        "<section class=\"main\"><p>Für Lucien Favre", BodyFormat.HTML, "dpa", DPA_URI, null),
                new Published("3.0/ninjsExSimpleText_3.json", CAPTAIN, GROSSETO, BodyFormat.TEXT, AUTHORS,
                        "http://ninjs.example.com/newsitems/20130709simp123", "text"),
                new Published("3.0/ntb_text.json", "Google har kjøpt giganttomt i Skien", "IT-giganten Google har kjøpt en tomt",
                        BodyFormat.TEXT, "ntb", NTB_URI, "text"),
                new Published("3.0/tt_text_image_3.json", "Militärövning i jätteformat hålls 2023",
                        "Militärövning i jätteformat hålls 2023\n\nFörsvar TT", BodyFormat.TEXT, "tt", TT_URI, "text"));
    }

    /** Pictures, audio, video and events: refused, with the type in the reason. */
    static Stream<Arguments> otherItems() {
        return Stream.of(
                Arguments.of("1.4/ninjsExSimplePhoto1.json", "picture"),
                Arguments.of("2.1/SIPA_image_2.json", "picture"),
                Arguments.of("2.1/ap_audio.json", "audio"),
                Arguments.of("2.1/ap_image.json", "picture"),
                Arguments.of("2.1/ap_video.json", "video"),
                Arguments.of("2.1/imageEncodedRights.json", "picture"),
                Arguments.of("2.1/imageLinkedRights.json", "picture"),
                Arguments.of("3.0/SIPA_image_3.json", "picture"),
                Arguments.of("3.0/ap_audio.json", "audio"),
                Arguments.of("3.0/ap_image.json", "picture"),
                Arguments.of("3.0/ap_video.json", "video"),
                Arguments.of("3.0/imageEncodedRights.json", "picture"),
                Arguments.of("3.0/imageLinkedRights.json", "picture"),
                Arguments.of("3.0/simpleEvent.json", "event"),
                Arguments.of("3.0/20231005-65-addb-event.json", "event"),
                Arguments.of("3.0/tt_event_pressconference_3.0.json", "event"),
                // no type: an event by its eventDetails
                Arguments.of("3.0/20231004-UEFA-ChampionLeague.json", "event"),
                Arguments.of("3.0/20231016-addb-example-press-conference.json", "event"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textItems")
    void everyTextExampleIsPublishedWithItsHeadlineBodySourceAndUri(Published expected) throws Exception {
        RawArticle article = single(reader.read(EXAMPLES.resolve(expected.example())));

        assertThat(article.getHeadline()).isEqualTo(expected.headline());
        assertThat(article.getBody().strip()).startsWith(expected.bodyStart());
        assertThat(article.getBodyFormat()).isEqualTo(expected.format());
        assertThat(article.getSource()).isEqualTo(expected.source());
        assertThat(article.getItemUri()).isEqualTo(expected.uri());
        assertThat(article.getId()).isEqualTo(Slugs.fromUri(expected.uri()));
        assertThat(article.getItemType()).isEqualTo(expected.type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherItems")
    void everyOtherExampleIsRefusedNamingItsType(String example, String type) {
        Path file = EXAMPLES.resolve(example);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(ArticleRefusedException.class)
                .hasMessageStartingWith(file + ": item type '" + type + "' is not text");
    }

    @Test
    void everyExampleFileHasAnExpectedOutcome() throws IOException {
        Set<String> covered = Stream.concat(textItems().map(Published::example),
                otherItems().map(arguments -> (String) arguments.get()[0])).collect(Collectors.toSet());
        List<String> examples;
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            examples = files.filter(file -> file.getFileName().toString().endsWith(".json"))
                    .map(file -> EXAMPLES.relativize(file).toString())
                    .filter(name -> Character.isDigit(name.charAt(0)))
                    .toList();
        }

        assertThat(examples).hasSize(covered.size()).containsExactlyInAnyOrderElementsOf(covered);
    }

    private static RawArticle single(List<RawArticle> articles) {
        assertThat(articles).hasSize(1);
        return articles.get(0);
    }
}
