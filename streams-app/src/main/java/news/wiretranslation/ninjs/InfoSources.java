package news.wiretranslation.ninjs;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import news.wiretranslation.article.EngineNames;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.Translation;

/**
 * The parties that made an item, for its ninjs information sources ({@code infosources} in 2.x, {@code infoSources}
 * in 3.x: "parties which originated, modified, enhanced... or supplied the content"): the agency that delivered the
 * original (role {@value #SOURCE_ROLE}) and, for a translation, the engine that made it (role {@value #ENGINE_ROLE},
 * with its home page as {@code uri} and its id as {@code literal}), in that order.
 *
 * <p>Each party comes from one method of this class, listed in {@link #PARTIES}: a party the Article does not record
 * yet (the editor who reviewed a translation) is one more method and one more entry there, and nothing else changes.
 */
final class InfoSources {
    /** Role of the agency or feed that delivered the original. */
    static final String SOURCE_ROLE = "source";
    /** Role of the machine-translation engine. */
    static final String ENGINE_ROLE = "translation engine";

    /** One party: what ninjs 2.2 and 3.1 both allow in an information source. */
    record InfoSource(String name, String role, String uri, String literal) {
    }

    /** Who contributed, in the order the item lists them. */
    private static final List<Function<Article, Optional<InfoSource>>> PARTIES = List.of(
            InfoSources::agency,
            InfoSources::engine);

    private InfoSources() {
    }

    /** The parties the article names, in order. */
    static List<InfoSource> of(Article article) {
        return PARTIES.stream().map(party -> party.apply(article)).flatMap(Optional::stream).toList();
    }

    private static Optional<InfoSource> agency(Article article) {
        return Optional.of(new InfoSource(article.getSource(), SOURCE_ROLE, null, null));
    }

    private static Optional<InfoSource> engine(Article article) {
        Translation translation = article.getTranslation();
        if (translation == null) {
            return Optional.empty();
        }
        String engine = translation.getEngine();
        return Optional.of(new InfoSource(EngineNames.displayName(engine), ENGINE_ROLE, homePage(engine), engine));
    }

    /** The engine's home page, for the engine's {@code uri}; null for an engine this class does not know. */
    static String homePage(String engine) {
        return switch (engine) {
            case "deepl" -> "https://www.deepl.com";
            case "apertium" -> "https://www.apertium.org";
            default -> null;
        };
    }
}
