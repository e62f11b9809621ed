package news.wiretranslation.translate.apertium;

import news.wiretranslation.translate.apertium.ApertiumPairs.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing mode names and finding routes in {@link ApertiumPairs}, on fixed lists: no process involved. */
class ApertiumPairsTest {

    /** The modes Debian's packages install (apertium -l), variants and the eco-* modes included. */
    private static final List<String> DEBIAN_MODES = List.of(
            "cat-eng", "cat-eng_US", "cat-fra", "eco-es-fr", "eco-fr-es", "eng-cat", "eng-cat_iec2017",
            "eng-cat_valencia", "eng-cat_valencia_iec2017", "eng-cat_valencia_uni", "eng-cat_valencia_uni_iec2017",
            "eng-spa", "es-fr", "es-pt", "es-pt_BR", "fr-es", "fra-cat", "fra-cat_pre2017", "ita-spa", "pt-es",
            "spa-eng", "spa-eng_US", "spa-ita");

    private final ApertiumPairs debian = ApertiumPairs.fromModeNames(DEBIAN_MODES);

    @Test
    void readsModeNamesWithTwoAndThreeLetterCodesAsIso6391Pairs() {
        assertThat(Pair.fromModeName("fr-es")).contains(new Pair("fr", "es", "fr-es"));
        assertThat(Pair.fromModeName("spa-eng")).contains(new Pair("es", "en", "spa-eng"));
        assertThat(Pair.fromModeName("fra-cat")).contains(new Pair("fr", "ca", "fra-cat"));
        assertThat(Pair.fromModeName("  spa-eng_US ")).contains(new Pair("es", "en", "spa-eng_US"));
    }

    @Test
    void ignoresModesThatAreNotATranslationBetweenTwoLanguages() {
        assertThat(Pair.fromModeName("eco-fr-es")).isEmpty();
        assertThat(Pair.fromModeName("fra-morph")).isEmpty();
        assertThat(Pair.fromModeName("por-por_BR")).isEmpty();
        assertThat(Pair.fromModeName("*")).isEmpty();
        assertThat(Pair.fromModeName("")).isEmpty();
    }

    @Test
    void keepsOnePairPerDirectionPreferringTheDefaultModeOverVariants() {
        assertThat(debian.pairs()).extracting(Pair::mode).containsExactly(
                "cat-eng", "cat-fra", "eng-cat", "eng-spa", "es-fr", "es-pt", "fr-es", "fra-cat", "ita-spa",
                "pt-es", "spa-eng", "spa-ita");
    }

    @Test
    void usesAVariantWhenItIsTheOnlyModeForADirection() {
        ApertiumPairs pairs = ApertiumPairs.fromModeNames(List.of("eng-cat_valencia_uni", "eng-cat_valencia"));

        assertThat(pairs.route("en", "ca")).contains(List.of(new Pair("en", "ca", "eng-cat_valencia")));
    }

    @Test
    void takesTheDirectPairWhenOneIsInstalled() {
        assertThat(debian.route("fr", "es")).contains(List.of(new Pair("fr", "es", "fr-es")));
        assertThat(debian.route("fr", "ca")).contains(List.of(new Pair("fr", "ca", "fra-cat")));
    }

    @Test
    void acceptsCodesInAnySpellingTheCallerUses() {
        assertThat(debian.route("fra", "ES")).contains(List.of(new Pair("fr", "es", "fr-es")));
        assertThat(debian.route("es", "EN-US")).contains(List.of(new Pair("es", "en", "spa-eng")));
        assertThat(debian.route("es", "PT-BR")).contains(List.of(new Pair("es", "pt", "es-pt")));
    }

    @Test
    void pivotsFrenchToEnglishThroughTheBestConnectedLanguageSpanish() {
        // Both fr-es>spa-eng and fra-cat>cat-eng are two hops; Spanish takes part in more pairs.
        assertThat(debian.route("fr", "en")).contains(List.of(
                new Pair("fr", "es", "fr-es"), new Pair("es", "en", "spa-eng")));
    }

    @Test
    void breaksTiesBetweenEquallyConnectedPivotsAlphabetically() {
        ApertiumPairs pairs = ApertiumPairs.fromModeNames(List.of("fr-es", "es-en", "fr-ca", "ca-en"));

        assertThat(pairs.route("fr", "en")).contains(List.of(
                new Pair("fr", "ca", "fr-ca"), new Pair("ca", "en", "ca-en")));
    }

    @Test
    void pivotsIntoLanguagesReachableOnlyThroughSpanish() {
        assertThat(debian.route("fr", "it")).contains(List.of(
                new Pair("fr", "es", "fr-es"), new Pair("es", "it", "spa-ita")));
        assertThat(debian.route("pt", "fr")).contains(List.of(
                new Pair("pt", "es", "pt-es"), new Pair("es", "fr", "es-fr")));
    }

    @Test
    void findsNoRouteLongerThanMaxHops() {
        // Italian → Catalan needs ita-spa, spa-eng, eng-cat: three hops (no spa-cat is installed).
        assertThat(debian.route("it", "ca")).isEmpty();
        assertThat(debian.withMaxHops(3).route("it", "ca")).contains(List.of(
                new Pair("it", "es", "ita-spa"), new Pair("es", "en", "spa-eng"), new Pair("en", "ca", "eng-cat")));
        assertThat(debian.withMaxHops(1).route("fr", "en")).isEmpty();
    }

    @Test
    void findsNoRouteForALanguageWithoutPairs() {
        assertThat(debian.route("de", "en")).isEmpty();
        assertThat(debian.route("en", "de")).isEmpty();
        assertThat(ApertiumPairs.fromModeNames(List.of()).route("fr", "es")).isEmpty();
    }

    @Test
    void routesALanguageToItselfWithNoPairs() {
        assertThat(debian.route("fr", "FR")).contains(List.of());
    }

    @Test
    void refusesAMaximumOfFewerThanOneHop() {
        assertThatThrownBy(() -> debian.withMaxHops(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsThePairsFromAModesDirectory(@TempDir Path modes) throws IOException {
        for (String name : List.of("fr-es.mode", "spa-eng.mode", "eco-fr-es.mode", "README")) {
            Files.writeString(modes.resolve(name), "lt-proc ...");
        }

        ApertiumPairs pairs = ApertiumPairs.fromModesDirectory(modes);

        assertThat(pairs.pairs()).extracting(Pair::mode).containsExactly("fr-es", "spa-eng");
        assertThat(pairs.route("fr", "en")).hasValueSatisfying(route ->
                assertThat(route).extracting(Pair::mode).containsExactly("fr-es", "spa-eng"));
    }

    @Test
    void namesTheInstalledPairsInItsDescription() {
        assertThat(ApertiumPairs.fromModeNames(List.of("spa-eng", "fr-es"))).hasToString("fr-es, spa-eng");
        assertThat(ApertiumPairs.fromModeNames(List.of())).hasToString("(none)");
    }
}
