package news.wiretranslation.translate.deepl;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.glossary.TerminologyFiles;
import news.wiretranslation.translate.SettingsFingerprint;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.memory.MemoryKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Glossaries and protected terms of {@link DeepLTranslator}, against the {@link DeepLStandIn} over real HTTP. */
class DeepLGlossaryTest {

    @TempDir
    Path dir;
    private Path glossaries;
    private Path protectedTerms;
    private DeepLStandIn standIn;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn().start();
        glossaries = Files.createDirectory(dir.resolve("glossaries"));
        Files.writeString(glossaries.resolve("fr-en.tsv"), "# place names\nKiev\tKyiv\nPentagone\tPentagon\n");
        protectedTerms = dir.resolve("protected.txt");
        Files.writeString(protectedTerms, "Le Monde\nAT&T\n");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private DeepLTranslator translator() {
        return translator(Map.of(), false);
    }

    private DeepLTranslator translator(Map<String, String> formality, boolean context) {
        return new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null,
                formality, context), new TerminologyFiles(Optional.of(glossaries), Optional.of(protectedTerms)), "wt-test");
    }

    private static TranslationResult translate(DeepLTranslator translator, String source, String target, String... texts)
            throws TranslationException {
        return translator.translate(new TranslationRequest(source, target, List.of(texts), translator.options(source, target)));
    }

    @Test
    void theGlossaryIsCreatedOnceAndReusedAfterARestart() throws TranslationException {
        DeepLTranslator first = translator();
        first.prepare();
        String id = first.options("fr", "EN-US").glossaryId();
        assertThat(standIn.glossaryChanges()).singleElement().asString().startsWith("CREATE " + id + " wt-test fr-en ");

        DeepLTranslator afterRestart = translator();
        afterRestart.prepare();

        assertThat(afterRestart.options("fr", "EN-US").glossaryId()).isEqualTo(id);
        assertThat(standIn.glossaryChanges()).as("nothing created or deleted by the restart").hasSize(1);
        assertThat(standIn.glossaries()).singleElement().satisfies(g ->
                assertThat(g.dictionaries().get("fr>en")).containsEntry("Kiev", "Kyiv").hasSize(2));
    }

    @Test
    void changingOneEntryCreatesANewGlossaryAndDeletesTheOld() throws Exception {
        DeepLTranslator translator = translator();
        translator.prepare();
        String old = translator.options("fr", "EN-GB").glossaryId();
        String oldFingerprint = SettingsFingerprint.of(translator, "fr", "EN-GB");

        Files.writeString(glossaries.resolve("fr-en.tsv"), "Kiev\tKyiv\nPentagone\tthe Pentagon\n");
        translator.prepare(); // what the periodic reload does

        String replacement = translator.options("fr", "EN-GB").glossaryId();
        assertThat(replacement).isNotEqualTo(old);
        assertThat(standIn.glossaryChanges()).hasSize(3).element(2).isEqualTo("DELETE " + old);
        assertThat(standIn.glossaries()).singleElement().satisfies(g -> assertThat(g.id()).isEqualTo(replacement));
        assertThat(SettingsFingerprint.of(translator, "fr", "EN-GB")).as("a new glossary is new settings")
                .isNotEqualTo(oldFingerprint);
        assertThat(translate(translator, "fr", "EN-GB", "Le Pentagone").texts()).containsExactly("[EN-GB] Le the Pentagon");
    }

    @Test
    void everyRequestForThePairCarriesTheGlossaryIdAndOtherPairsNone() throws TranslationException {
        DeepLTranslator translator = translator();
        translator.prepare();

        TranslationResult english = translate(translator, "fr", "EN-US", "Frappes sur Kiev", "Le Pentagone se tait.");
        translate(translator, "fr", "DE", "Frappes sur Kiev");
        translate(translator, "de", "EN-US", "Angriffe auf Kiew");

        assertThat(english.texts()).containsExactly("[EN-US] Frappes sur Kyiv", "[EN-US] Le Pentagon se tait.");
        String id = translator.options("fr", "EN-US").glossaryId();
        assertThat(standIn.requests()).extracting(RecordedRequest::glossaryId).containsExactly(id, null, null);
    }

    @Test
    void theFingerprintDependsOnThePairsGlossary() throws TranslationException {
        DeepLTranslator without = new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null));
        DeepLTranslator with = translator();
        with.prepare();

        assertThat(SettingsFingerprint.of(with, "fr", "EN-US")).isNotEqualTo(SettingsFingerprint.of(without, "fr", "EN-US"));
        assertThat(SettingsFingerprint.of(with, TranslationOptions.NONE, "de", "EN-US"))
                .as("a pair without glossary: only the protected terms differ")
                .isNotEqualTo(SettingsFingerprint.of(without, "de", "EN-US"));
        assertThat(SettingsFingerprint.of(with, with.options("fr", "EN-US").withContext("a headline"), "fr", "EN-US"))
                .as("the context is per article, not a setting").isEqualTo(SettingsFingerprint.of(with, "fr", "EN-US"));

        TranslationOptions glossary = with.options("fr", "EN-US");
        String paragraph = "Frappes sur Kiev.";
        assertThat(MemoryKeys.of(with, glossary, "fr", "EN-US").key(paragraph))
                .as("the translation memory does not serve a paragraph translated without the glossary")
                .isNotEqualTo(MemoryKeys.of(with, TranslationOptions.NONE, "fr", "EN-US").key(paragraph))
                .isEqualTo(MemoryKeys.of(with, glossary.withContext("a headline"), "fr", "EN-US").key(paragraph));
    }

    @Test
    void protectedTermsComeBackExactlyWhileTheRestIsTranslated() throws TranslationException {
        standIn.translateWord("EN-US", "Monde", "World");
        standIn.translateWord("EN-US", "Kiev", "Kyiv-by-engine");
        DeepLTranslator translator = translator();
        translator.prepare();

        TranslationResult result = translate(translator, "fr", "EN-US",
                "Selon Le Monde, le Monde <change> & AT&T aussi.", "Sans terme protégé : Kiev & Monde.");

        assertThat(result.texts()).containsExactly(
                "[EN-US] Selon Le Monde, le World <change> & AT&T aussi.",
                "[EN-US] Sans terme protégé : Kyiv & World.");
        assertThat(standIn.requests()).singleElement().satisfies(request -> {
            assertThat(request.tagHandling()).isEqualTo("xml");
            assertThat(request.texts().get(0)).isEqualTo(
                    "Selon <keep i=\"0\">Le Monde</keep>, le Monde &lt;change&gt; &amp; <keep i=\"1\">AT&amp;T</keep> aussi.");
        });
    }

    @Test
    void withoutProtectedTermsInTheTextsNoTagHandlingIsAsked() throws TranslationException {
        DeepLTranslator translator = translator();
        translator.prepare();

        assertThat(translate(translator, "fr", "EN-US", "Rien à protéger <ici> & là.").texts())
                .containsExactly("[EN-US] Rien à protéger <ici> & là.");
        assertThat(standIn.requests()).singleElement().satisfies(r -> assertThat(r.tagHandling()).isNull());
    }

    @Test
    void formalityOfTheTargetAndTheHeadlineAsContextAreSent() throws TranslationException {
        DeepLTranslator translator = translator(Map.of("DE", "more"), true);
        translator.prepare();
        TranslationOptions options = TranslationOptions.forArticle(translator, "fr", "DE", "Frappes sur Kiev");

        translator.translate(new TranslationRequest("fr", "DE", List.of("Frappes sur Kiev", "Le texte."), options));
        translator.translate(new TranslationRequest("fr", "EN-US", List.of("Le texte."), translator.options("fr", "EN-US")));

        assertThat(standIn.requests()).satisfiesExactly(
                de -> {
                    assertThat(de.formality()).isEqualTo("more");
                    assertThat(de.context()).isEqualTo("Frappes sur Kiev");
                },
                en -> assertThat(en.formality()).isNull());
        assertThat(translator.settings("fr", "DE")).contains("formality=more");
    }

    @Test
    void aGlossaryDeletedBehindTheServicesBackIsCreatedAgainAtOnceAndTheTextTranslatedWithIt() throws TranslationException {
        aDeletedGlossaryIsRecreatedAndUsed(404);
    }

    @Test
    void deepLsBadRequestNamingTheGlossaryAsNotFoundIsRepairedTheSameWay() throws TranslationException {
        aDeletedGlossaryIsRecreatedAndUsed(400);
    }

    private void aDeletedGlossaryIsRecreatedAndUsed(int unknownGlossaryStatus) throws TranslationException {
        standIn.setUnknownGlossaryStatus(unknownGlossaryStatus);
        DeepLTranslator translator = translator();
        translator.prepare();
        String id = translator.options("fr", "EN-US").glossaryId();
        TranslationOptions before = translator.options("fr", "EN-US");
        standIn.deleteGlossary(id);

        // The request still carries the lost id (as one queued before the deletion would).
        TranslationResult result = translator.translate(new TranslationRequest("fr", "EN-US", List.of("Kiev"), before));

        assertThat(result.texts()).containsExactly("[EN-US] Kyiv");
        String recreated = translator.options("fr", "EN-US").glossaryId();
        assertThat(recreated).isNotEqualTo(id);
        assertThat(standIn.glossaries()).extracting(StandInGlossaries.Stored::id).containsExactly(recreated);
        assertThat(standIn.requests()).extracting(RecordedRequest::status, RecordedRequest::glossaryId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(unknownGlossaryStatus, id),
                        org.assertj.core.groups.Tuple.tuple(200, recreated));
        // Same content, so the same settings: the translation memory's keys and the label's fingerprint stay.
        assertThat(translator.options("fr", "EN-US").glossaryHash()).isEqualTo(before.glossaryHash());
    }

    @Test
    void aLostGlossaryThatCannotBeCreatedAgainIsARetriableConfigurationFaultNeverARejection() throws TranslationException {
        DeepLTranslator translator = translator();
        translator.prepare();
        String id = translator.options("fr", "EN-US").glossaryId();
        standIn.deleteGlossary(id);
        standIn.setGlossaryCreationRefused(true);

        assertThatThrownBy(() -> translate(translator, "fr", "EN-US", "Kiev"))
                .isInstanceOfSatisfying(TranslationException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TranslationException.Kind.CONFIGURATION);
                    assertThat(e.isRetriable()).isTrue();
                    assertThat(e.configurationFault()).isEqualTo(DeepLTranslator.GLOSSARY_NOT_FOUND);
                    assertThat(e.getMessage()).contains(id, "fr-en");
                });

        standIn.setGlossaryCreationRefused(false); // repaired: the next attempt (the dispatcher's retry) goes through
        assertThat(translate(translator, "fr", "EN-US", "Kiev").texts()).containsExactly("[EN-US] Kyiv");
        assertThat(translator.options("fr", "EN-US").glossaryId()).isNotEqualTo(id);
    }

    @Test
    void aBadRequestThatDoesNotNameTheGlossaryStaysARejectionOfTheText() throws TranslationException {
        DeepLTranslator translator = translator();
        translator.prepare();
        standIn.setSupportedTargetLanguages(List.of("DE"));

        assertThatThrownBy(() -> translate(translator, "fr", "EN-US", "Kiev"))
                .isInstanceOfSatisfying(TranslationException.class,
                        e -> assertThat(e.kind()).isEqualTo(TranslationException.Kind.REJECTED));
        assertThat(standIn.glossaryChanges()).hasSize(1); // the first creation only: nothing was "repaired"
    }

    @Test
    void aBadGlossaryLineStopsPreparationNamingFileAndLine() throws IOException {
        Files.writeString(glossaries.resolve("fr-de.tsv"), "Kiev\tKyjiw\nKiev\tKiew\n\tleer\n");

        assertThatThrownBy(() -> translator().prepare())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GLOSSARY_DIR")
                .hasMessageContaining("fr-de.tsv line 2: duplicate source term 'Kiev' (first on line 1)")
                .hasMessageContaining("fr-de.tsv line 3: empty source term");
        assertThat(standIn.glossaryChanges()).as("nothing synced from a bad directory").isEmpty();
    }
}
