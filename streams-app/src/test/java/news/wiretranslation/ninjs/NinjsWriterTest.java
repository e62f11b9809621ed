package news.wiretranslation.ninjs;

import static news.wiretranslation.ninjs.NinjsVersion.V2_2;
import static news.wiretranslation.ninjs.NinjsVersion.V3_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.EditorialReview;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.Translation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NinjsWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2025-05-01T08:00:00Z");
    private static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    private static final String DISCLAIMER =
            "This article was machine-translated from French by DeepL and has not been reviewed by an editor.";

    private final NinjsWriter writer = new NinjsWriter();

    static Stream<Arguments> everyArticleInEveryVersion() {
        List<Arguments> cases = new ArrayList<>();
        for (NinjsVersion version : NinjsVersion.values()) {
            cases.add(Arguments.of("translated", translated(), version));
            cases.add(Arguments.of("reviewed", reviewed(), version));
            cases.add(Arguments.of("passed through", passedThrough(), version));
            cases.add(Arguments.of("minimal", minimal(), version));
            cases.add(Arguments.of("minimal translation", minimalTranslation(), version));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} article, ninjs {2}")
    @MethodSource("everyArticleInEveryVersion")
    void everyItemIsValidAgainstItsVersionsSchema(String name, Article article, NinjsVersion version) throws Exception {
        JsonNode written = JSON.readTree(writer.write(article, version));

        assertThat(NinjsSchemas.validate(written, version)).as("ninjs %s validation messages", version).isEmpty();
        assertThat(written).isEqualTo(writer.toNinjs(article, version));
        assertThat(written.path("standard").path("version").asText()).isEqualTo(version.number());
    }

    @Test
    void translatedArticleInNinjs22() {
        ObjectNode item = writer.toNinjs(translated(), V2_2);

        assertThat(item.path("uri").asText()).isEqualTo("urn:wire-translation:afp:a-1:en-US");
        assertThat(item.path("type").asText()).isEqualTo("text");
        assertThat(item.path("version").asText()).isEqualTo("2");
        assertThat(item.path("versioncreated").asText()).isEqualTo("2025-05-01T08:00:00Z");
        assertThat(item.path("language").asText()).isEqualTo("en-US");
        assertThat(item.path("headlines").get(0).path("role").asText()).isEqualTo("main");
        assertThat(item.path("headlines").get(0).path("value").asText()).isEqualTo("Fire in Lyon");
        JsonNode body = item.path("bodies").get(0);
        assertThat(body.path("contenttype").asText()).isEqualTo("text/plain");
        assertThat(body.path("value").asText()).isEqualTo("First paragraph.\n\nSecond paragraph.\n\n" + DISCLAIMER);
        assertThat(body.path("value").asText()).endsWith(DISCLAIMER);
        assertThat(body.path("charcount").asInt()).isEqualTo(body.path("value").asText().length());
        assertThat(item.path("digitalsourcetype").path("uri").asText()).isEqualTo(TRAINED);
        assertThat(role(item.path("descriptions"), "disclaimer").path("value").asText()).isEqualTo(DISCLAIMER);
        assertThat(role(item.path("altids"), "id").path("value").asText()).isEqualTo("a-1");
        assertThat(role(item.path("altids"), "original").path("value").asText()).isEqualTo("orig-77");
        assertThat(role(item.path("altids"), "original-uri").path("value").asText()).isEqualTo("https://www.afp.com/fr/orig-77");
        JsonNode engine = role(item.path("infosources"), "translation engine");
        assertThat(engine.path("name").asText()).isEqualTo("DeepL");
        assertThat(engine.path("uri").asText()).isEqualTo("https://www.deepl.com");
        assertThat(engine.path("literal").asText()).isEqualTo("deepl");
        assertThat(role(item.path("infosources"), "source").path("name").asText()).isEqualTo("afp");
        assertThat(item.path("ednote").asText()).startsWith("Machine-translated from French (fr) by DeepL");
        assertThat(item.path("standard").path("schema").asText()).isEqualTo("http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#");
    }

    @Test
    void translatedArticleInNinjs31() {
        ObjectNode item = writer.toNinjs(translated(), V3_1);

        assertThat(item.path("language").asText()).isEqualTo("en-US");
        assertThat(item.path("versionCreated").asText()).isEqualTo("2025-05-01T08:00:00Z");
        assertThat(item.path("headlines").get(0).path("value").asText()).isEqualTo("Fire in Lyon");
        assertThat(item.path("bodies").get(0).path("contentType").asText()).isEqualTo("text/plain");
        assertThat(item.path("bodies").get(0).path("value").asText()).endsWith(DISCLAIMER);
        assertThat(item.path("digitalSourceType").path("uri").asText()).isEqualTo(TRAINED);
        assertThat(role(item.path("altIds"), "original").path("value").asText()).isEqualTo("orig-77");
        assertThat(role(item.path("infoSources"), "translation engine").path("name").asText()).isEqualTo("DeepL");
        assertThat(item.path("edNote").asText()).contains("DeepL");
        assertThat(role(item.path("descriptions"), "disclaimer").path("contentType").asText()).isEqualTo("text/plain");
        assertThat(item.path("standard").path("schema").asText()).isEqualTo("http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#");
    }

    @ParameterizedTest
    @EnumSource(NinjsVersion.class)
    void provenanceThatMachinesReadInEveryVersion(NinjsVersion version) {
        ObjectNode item = writer.toNinjs(translated(), version);
        boolean lower = version == V2_2;

        JsonNode sourceType = item.path(lower ? "digitalsourcetype" : "digitalSourceType");
        assertThat(sourceType.path("uri").asText()).isEqualTo(TRAINED);
        assertThat(sourceType.path("name").asText()).isEqualTo("Trained algorithmic media");
        assertThat(item.path(lower ? "infosources" : "infoSources")).extracting(party -> party.path("role").asText())
                .containsExactly("source", "translation engine");
        JsonNode tag = role(item.path("descriptions"), "language-transform");
        assertThat(tag.path("value").asText()).isEqualTo("en-US-t-fr-t0-und");
        assertThat(tag.path(lower ? "contenttype" : "contentType").asText()).isEqualTo("text/plain");
        assertThat(item.path("language").asText()).as("language stays the plain tag consumers compare").isEqualTo("en-US");
    }

    @ParameterizedTest
    @EnumSource(NinjsVersion.class)
    void anArticlePassedThroughHasNoTransformTagNoEngineAndNoSourceType(NinjsVersion version) {
        ObjectNode item = writer.toNinjs(passedThrough(), version);
        boolean lower = version == V2_2;

        assertThat(role(item.path("descriptions"), "language-transform").isMissingNode()).isTrue();
        assertThat(item.path(lower ? "infosources" : "infoSources")).extracting(party -> party.path("role").asText())
                .containsExactly("source");
        assertThat(item.has(lower ? "digitalsourcetype" : "digitalSourceType")).isFalse();
    }

    @Test
    void aSourceTypeOutsideTheKnownTermsIsWrittenByItsUriAlone() {
        Article article = translated();
        article.getTranslation().setDigitalSourceType("compositeWithTrainedAlgorithmicMedia");

        JsonNode sourceType = writer.toNinjs(article, V3_1).path("digitalSourceType");

        assertThat(sourceType.path("uri").asText())
                .isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
        assertThat(sourceType.has("name")).isFalse();
        assertThat(NinjsSchemas.validate(writer.toNinjs(article, V3_1), V3_1)).isEmpty();
    }

    @Test
    void versionsDifferOnlyInPropertyNames() {
        ObjectNode v22 = writer.toNinjs(translated(), V2_2);
        ObjectNode v31 = writer.toNinjs(translated(), V3_1);

        assertThat(names(v31)).doesNotContain("versioncreated", "altids", "infosources", "digitalsourcetype", "ednote")
                .contains("versionCreated", "altIds", "infoSources", "digitalSourceType", "edNote");
        assertThat(names(v22)).doesNotContain("versionCreated", "altIds", "infoSources", "digitalSourceType", "edNote");
        assertThat(v31.path("altIds")).isEqualTo(v22.path("altids"));
        assertThat(v31.path("infoSources")).isEqualTo(v22.path("infosources"));
        assertThat(v31.path("digitalSourceType")).isEqualTo(v22.path("digitalsourcetype"));
        assertThat(v31.path("edNote")).isEqualTo(v22.path("ednote"));
        assertThat(label(v31)).isEqualTo(label(v22));
    }

    @Test
    void labelDescriptionCarriesEveryTranslationLabel() throws Exception {
        ObjectNode item = writer.toNinjs(translated(), V2_2);
        JsonNode description = role(item.path("descriptions"), "machine-translation-label");
        JsonNode label = JSON.readTree(description.path("value").asText());

        assertThat(description.path("contenttype").asText()).isEqualTo("application/json");
        assertThat(label).isEqualTo(JSON.readTree(JSON.writeValueAsString(writer.label(translated()))));
        assertThat(label.path("machineTranslated").asBoolean()).isTrue();
        assertThat(label.path("declaredLanguage").asText()).isEqualTo("fr");
        assertThat(label.path("detectedLanguage").asText()).isEqualTo("fr");
        assertThat(label.path("detectionConfidence").asDouble()).isEqualTo(0.31);
        JsonNode translation = label.path("translation");
        assertThat(translation.path("engine").asText()).isEqualTo("deepl");
        assertThat(translation.path("engineModel").asText()).isEqualTo("quality_optimized");
        assertThat(translation.path("settingsFingerprint").asText()).isEqualTo("3f2a9c1b");
        assertThat(translation.path("sourceLanguage").asText()).isEqualTo("fr");
        assertThat(translation.path("engineDetectedLanguage").asText()).isEqualTo("fr");
        assertThat(translation.path("languageDisagreement").asBoolean()).isFalse();
        assertThat(translation.path("originalArticleId").asText()).isEqualTo("orig-77");
        assertThat(translation.path("translatedAt").asText()).isEqualTo("2025-05-01T08:05:00Z");
        assertThat(translation.path("billedCharacters").asLong()).isEqualTo(42);
        assertThat(translation.path("digitalSourceType").asText()).isEqualTo(TRAINED);
        assertThat(label.path("editorialReview").asBoolean()).isFalse();
        assertThat(label.path("qualityFlags").findValuesAsText("code")).containsExactly("UNTRANSLATED_FRAGMENT", "LENGTH_RATIO");
        assertThat(label.path("qualityFlags").get(0).path("text").asText()).isEqualTo("pompiers");
        assertThat(label.path("qualityFlags").get(0).path("paragraph").asInt()).isEqualTo(1);
        assertThat(label.path("qualityFlags").get(0).path("offset").asInt()).isEqualTo(4);
        assertThat(label.path("qualityFlags").get(1).path("text").isNull()).isTrue();
        assertThat(label.path("normalization").get(0).asText()).isEqualTo("typography:en");
        assertThat(label.path("pipelineVersion").asText()).isEqualTo("test");
    }

    @Test
    void editorialNoteSaysItInWords() {
        String note = NinjsWriter.editorialNote(translated());

        assertThat(note).isEqualTo("Machine-translated from French (fr) by DeepL (model quality_optimized, settings 3f2a9c1b); "
                + "not reviewed by an editor. Source language: declared fr, detected fr (confidence 0.31), DeepL reported fr. "
                + "Quality flags (2): UNTRANSLATED_FRAGMENT: 'pompiers' in paragraph 1 looks untranslated; "
                + "LENGTH_RATIO: the translation is 2.40 times as long as the original.");

        Article disputed = Article.newBuilder(translated()).setDeclaredLanguage("it").setEditorialReview(true)
                .setTranslation(Translation.newBuilder(translated().getTranslation()).setLanguageDisagreement(true).build())
                .build();
        assertThat(NinjsWriter.editorialNote(disputed))
                .contains("reviewed by an editor", "declared it, detected fr", "these disagree")
                .doesNotContain("not reviewed");
    }

    @ParameterizedTest
    @EnumSource(NinjsVersion.class)
    void passedThroughArticleSaysItIsNotMachineTranslated(NinjsVersion version) throws Exception {
        ObjectNode item = writer.toNinjs(passedThrough(), version);
        boolean lower = version == V2_2;
        JsonNode altIds = item.path(lower ? "altids" : "altIds");
        JsonNode infoSources = item.path(lower ? "infosources" : "infoSources");

        assertThat(item.has("digitalsourcetype") || item.has("digitalSourceType")).isFalse();
        assertThat(item.path("language").asText()).isEqualTo("fr");
        assertThat(item.path("headlines").get(0).path("value").asText()).isEqualTo("Incendie à Lyon");
        assertThat(infoSources).hasSize(1);
        assertThat(infoSources.get(0).path("name").asText()).isEqualTo("afp");
        assertThat(altIds.findValuesAsText("role")).containsExactly("id", "url");
        assertThat(role(altIds, "url").path("value").asText()).isEqualTo("https://www.afp.com/fr/b-2");
        assertThat(role(item.path("descriptions"), "disclaimer").isMissingNode()).isTrue();
        JsonNode label = label(item);
        assertThat(label.path("machineTranslated").asBoolean()).isFalse();
        assertThat(label.path("translation").isNull()).isTrue();
        assertThat(label.path("qualityFlags")).isEmpty();
        assertThat(item.path(lower ? "ednote" : "edNote").asText())
                .isEqualTo("Not machine-translated: published in its original language, French (fr).");
    }

    @ParameterizedTest
    @EnumSource(NinjsVersion.class)
    void minimalArticleWritesWhatItHas(NinjsVersion version) {
        ObjectNode item = writer.toNinjs(minimal(), version);

        assertThat(item.path("language").asText()).isEqualTo("de");
        assertThat(item.path("headlines").get(0).path("value").asText()).isEqualTo("Kurzmeldung");
        assertThat(item.has("bodies")).as("no paragraphs, no body").isFalse();
        assertThat(item.has("digitalsourcetype") || item.has("digitalSourceType")).isFalse();
        assertThat(item.path(version == V2_2 ? "altids" : "altIds")).hasSize(1);
        assertThat(label(item).path("declaredLanguage").isNull()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(NinjsVersion.class)
    void minimalTranslationIsStillLabelled(NinjsVersion version) {
        ObjectNode item = writer.toNinjs(minimalTranslation(), version);
        boolean lower = version == V2_2;

        assertThat(item.path(lower ? "digitalsourcetype" : "digitalSourceType").path("uri").asText()).isEqualTo(TRAINED);
        assertThat(role(item.path(lower ? "altids" : "altIds"), "original").path("value").asText()).isEqualTo("m-1");
        assertThat(role(item.path(lower ? "altids" : "altIds"), "original-uri").isMissingNode()).isTrue();
        JsonNode engine = role(item.path(lower ? "infosources" : "infoSources"), "translation engine");
        assertThat(engine.path("name").asText()).isEqualTo("in-house-mt");
        assertThat(engine.has("uri")).as("no home page known for an unknown engine").isFalse();
        assertThat(label(item).path("translation").path("engineModel").isNull()).isTrue();
        assertThat(item.path(lower ? "ednote" : "edNote").asText())
                .startsWith("Machine-translated from Dutch (nl) by in-house-mt; not reviewed by an editor.")
                .endsWith("No quality flags.");
    }

    /** The validator is not vacuous: the schemas reject what they should, so the empty lists above mean something. */
    @Test
    void schemasRejectWhatIsNotNinjs() {
        ObjectNode v22 = writer.toNinjs(translated(), V2_2);
        ObjectNode v31 = writer.toNinjs(translated(), V3_1);
        ObjectNode inventedNested = v31.deepCopy();
        ((ObjectNode) inventedNested.path("infoSources").get(1)).put("model", "quality_optimized");
        ObjectNode geo = v31.deepCopy();
        geo.putArray("places").addObject().put("name", "Lyon").putObject("geoJSON").put("type", "Point");

        assertThat(NinjsSchemas.validate(v22, V3_1)).as("2.2 names in a 3.1 item")
                .anyMatch(message -> message.contains("'versioncreated'"));
        assertThat(NinjsSchemas.validate(v31, V2_2)).as("3.1 names in a 2.2 item")
                .anyMatch(message -> message.contains("'altIds'"));
        assertThat(NinjsSchemas.validate(v22.deepCopy().put("translation", "deepl"), V2_2)).as("an invented property")
                .anyMatch(message -> message.contains("'translation'"));
        assertThat(NinjsSchemas.validate(v31.deepCopy().put("digitalSourceType", TRAINED), V3_1)).as("a string source type")
                .anyMatch(message -> message.startsWith("/digitalSourceType"));
        assertThat(NinjsSchemas.validate(inventedNested, V3_1)).as("an invented nested property")
                .anyMatch(message -> message.startsWith("/infoSources/1") && message.contains("'model'"));
        assertThat(NinjsSchemas.validate(v22.deepCopy().put("versioncreated", "yesterday"), V2_2)).as("a bad date-time")
                .anyMatch(message -> message.startsWith("/versioncreated"));
        assertThat(NinjsSchemas.validate(v22.deepCopy().put("uri", "not a uri"), V2_2)).as("a bad uri")
                .anyMatch(message -> message.startsWith("/uri"));
        assertThat(NinjsSchemas.validate(geo, V3_1)).as("GeoJSON, which the offline stand-in refuses")
                .anyMatch(message -> message.startsWith("/places/0/geoJSON"));
    }

    @Test
    void singleArgumentMethodsStillWriteNinjs22() throws Exception {
        assertThat(writer.toNinjs(translated())).isEqualTo(writer.toNinjs(translated(), V2_2));
        assertThat(JSON.readTree(writer.write(passedThrough()))).isEqualTo(writer.toNinjs(passedThrough(), V2_2));
    }

    @Test
    void versionsParseFromTheirNumbers() {
        assertThat(NinjsVersion.parse("2.2")).isEqualTo(V2_2);
        assertThat(NinjsVersion.parse("3.1")).isEqualTo(V3_1);
        assertThat(NinjsVersion.parse("V3_1")).isEqualTo(V3_1);
        assertThat(NinjsVersion.parse(" v2.2 ")).isEqualTo(V2_2);
        assertThatThrownBy(() -> NinjsVersion.parse("3.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.2, 3.1");
    }

    private static JsonNode role(JsonNode array, String role) {
        for (JsonNode entry : array) {
            if (entry.path("role").asText().equals(role)) {
                return entry;
            }
        }
        return JSON.missingNode();
    }

    private static JsonNode label(JsonNode item) {
        try {
            return JSON.readTree(role(item.path("descriptions"), "machine-translation-label").path("value").asText());
        } catch (Exception e) {
            throw new AssertionError("no readable label in " + item, e);
        }
    }

    private static List<String> names(JsonNode item) {
        List<String> names = new ArrayList<>();
        item.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A DeepL translation from French with every label field set and two quality flags. */
    /** {@link #translated()} as the review desk publishes it after an editor approved it with one paragraph edited. */
    static Article reviewed() {
        return Article.newBuilder(translated())
                .setEditorialReview(true)
                .setReview(EditorialReview.newBuilder().setReviewer("m.dupont")
                        .setReviewedAt(Instant.parse("2026-12-07T10:00:00Z")).setEditedParagraphs(List.of(1)).build())
                .build();
    }

    static Article translated() {
        return Article.newBuilder()
                .setUri("urn:wire-translation:afp:a-1:en-US").setId("a-1").setVersion(2).setLanguage("en-US")
                .setHeadline("Fire in Lyon").setBody(List.of("First paragraph.", "Second paragraph.", DISCLAIMER))
                .setVersionCreated(CREATED).setSource("afp").setOriginalUrl("https://www.afp.com/fr/orig-77")
                .setMachineTranslated(true).setDeclaredLanguage("fr").setDetectedLanguage("fr").setDetectionConfidence(0.31)
                .setTranslation(Translation.newBuilder()
                        .setEngine("deepl").setEngineModel("quality_optimized").setSourceLanguage("fr")
                        .setDetectionConfidence(0.31).setEngineDetectedLanguage("fr").setLanguageDisagreement(false)
                        .setOriginalArticleId("orig-77").setOriginalUri("https://www.afp.com/fr/orig-77")
                        .setSettingsFingerprint("3f2a9c1b").setTranslatedAt(CREATED.plusSeconds(300))
                        .setBilledCharacters(42).setDisclaimer(DISCLAIMER).setDigitalSourceType(TRAINED)
                        .build())
                .setEditorialReview(false)
                .setNormalization(List.of("typography:en", "boilerplate:skip-to-content"))
                .setQualityFlags(List.of(
                        QualityFlag.newBuilder().setCode("UNTRANSLATED_FRAGMENT")
                                .setMessage("'pompiers' in paragraph 1 looks untranslated")
                                .setText("pompiers").setParagraph(1).setOffset(4).build(),
                        QualityFlag.newBuilder().setCode("LENGTH_RATIO")
                                .setMessage("the translation is 2.40 times as long as the original")
                                .setText(null).setParagraph(-1).setOffset(-1).build()))
                .setProcessedAt(CREATED.plusSeconds(301)).setPipelineVersion("test")
                .build();
    }

    /** A French article published as it was in French. */
    static Article passedThrough() {
        return Article.newBuilder()
                .setUri("urn:wire-translation:afp:b-2:fr").setId("b-2").setVersion(1).setLanguage("fr")
                .setHeadline("Incendie à Lyon").setBody(List.of("Premier paragraphe.", "Second paragraphe."))
                .setVersionCreated(CREATED).setSource("afp").setOriginalUrl("https://www.afp.com/fr/b-2")
                .setMachineTranslated(false).setDeclaredLanguage("fr").setDetectedLanguage("fr").setDetectionConfidence(1.0)
                .setTranslation(null)
                .setNormalization(List.of("typography:fr"))
                .setProcessedAt(CREATED).setPipelineVersion("test")
                .build();
    }

    /** Only the fields the schema requires; every optional one absent, no body paragraphs. */
    static Article minimal() {
        return Article.newBuilder()
                .setUri("urn:wire-translation:dpa:c-3:de").setId("c-3").setVersion(1).setLanguage("de")
                .setHeadline("Kurzmeldung").setBody(List.of())
                .setVersionCreated(CREATED).setSource("dpa")
                .setMachineTranslated(false).setDetectedLanguage("de").setDetectionConfidence(0.9)
                .setProcessedAt(CREATED).setPipelineVersion("test")
                .build();
    }

    /** A translation block with only its required fields, from an engine this writer has no home page for. */
    static Article minimalTranslation() {
        return Article.newBuilder()
                .setUri("urn:wire-translation:anp:m-1:en-GB").setId("m-1").setVersion(3).setLanguage("en-GB")
                .setHeadline("Dykes hold").setBody(List.of("The dykes held overnight.", "Machine-translated from Dutch."))
                .setVersionCreated(CREATED).setSource("anp")
                .setMachineTranslated(true).setDetectedLanguage("nl").setDetectionConfidence(0.8)
                .setTranslation(Translation.newBuilder()
                        .setEngine("in-house-mt").setSourceLanguage("nl").setDetectionConfidence(0.8)
                        .setOriginalArticleId("m-1").setTranslatedAt(CREATED).setBilledCharacters(0)
                        .setDisclaimer("Machine-translated from Dutch.")
                        .build())
                .setProcessedAt(CREATED).setPipelineVersion("test")
                .build();
    }
}
