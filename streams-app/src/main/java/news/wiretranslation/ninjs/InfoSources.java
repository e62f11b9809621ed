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
 * original (role {@value #SOURCE_ROLE}), for a translation the engine that made it (role {@value #ENGINE_ROLE},
 * with its home page as {@code uri} and its id as {@code literal}), and, for a translation an editor approved on the
 * review desk, that editor (role {@value #REVIEWER_ROLE}), in that order: who supplied it, who wrote the words, who
 * took editorial responsibility for them.
 *
 * <p>Each party comes from one method of this class, listed in {@link #PARTIES}.
 */
final class InfoSources {
    /** Role of the agency or feed that delivered the original. */
    static final String SOURCE_ROLE = "source";
    /** Role of the machine-translation engine. */
    static final String ENGINE_ROLE = "translation engine";
    /** Role of the editor who reviewed and approved a machine translation. */
    static final String REVIEWER_ROLE = "editorial reviewer";

    /** One party: what ninjs 2.2 and 3.1 both allow in an information source. */
    record InfoSource(String name, String role, String uri, String literal) {
    }

    /** Who contributed, in the order the item lists them. */
    private static final List<Function<Article, Optional<InfoSource>>> PARTIES = List.of(
            InfoSources::agency,
            InfoSources::engine,
            InfoSources::reviewer);

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

    private static Optional<InfoSource> reviewer(Article article) {
        if (!article.getEditorialReview() || article.getReview() == null) {
            return Optional.empty();
        }
        return Optional.of(new InfoSource(article.getReview().getReviewer(), REVIEWER_ROLE, null, null));
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
