package news.wiretranslation.feed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.wiretranslation.article.ArticleValidator;
import news.wiretranslation.article.DeadLetterException;
import news.wiretranslation.article.DeadLetterReason;
import news.wiretranslation.avro.RawArticle;

/**
 * Turns an input file (plain text, HTML, IPTC ninjs or the project's JSON-lines feed) into {@link RawArticle}s ready
 * to publish.
 *
 * <p>Each format's parser reads what the input says; this class then fills in what it does not say (the id from the
 * file name, source {@value #DEFAULT_SOURCE}), applies the caller's {@link ArticleOverrides}, and checks every
 * article with the pipeline's own {@link ArticleValidator}. An article the service would dead-letter as invalid is
 * therefore refused here, before anything is sent, with the file and line named. Nothing is returned for an input
 * with any error: a file is published whole or not at all. An item that is not a text article (a ninjs picture,
 * video or event) is refused with {@link ArticleRefusedException}, which callers may tell from an error: the input
 * is well-formed, the service just does not translate it.
 */
public final class ArticleFileReader {

    /** The source of articles read from files that name none. */
    public static final String DEFAULT_SOURCE = "file";

    private final Clock clock;
    private final ArticleValidator validator = new ArticleValidator();

    /** A reader that stamps articles without a time with the current time. */
    public ArticleFileReader() {
        this(Clock.systemUTC());
    }

    /** A reader that takes "now" from {@code clock}: for tests. */
    public ArticleFileReader(Clock clock) {
        this.clock = clock;
    }

    /** Reads a file in the format its extension names, with no overrides. */
    public List<RawArticle> read(Path file) throws ArticleReadException {
        return read(file, ArticleOverrides.NONE);
    }

    /** Reads a file in the format its extension names. */
    public List<RawArticle> read(Path file, ArticleOverrides overrides) throws ArticleReadException {
        ArticleFormat format = ArticleFormat.forFile(file).orElseThrow(() -> new ArticleReadException(file.toString(),
                "has an extension no reader knows (.txt, .html, .htm, .json for ninjs, .jsonl)"));
        return read(file, format, overrides);
    }

    /** Reads a file in the given format, whatever its extension. */
    public List<RawArticle> read(Path file, ArticleFormat format, ArticleOverrides overrides) throws ArticleReadException {
        return read(ArticleInput.of(file), format, overrides);
    }

    /** Reads an input already in memory (standard input, a resource). */
    public List<RawArticle> read(ArticleInput input, ArticleFormat format, ArticleOverrides overrides)
            throws ArticleReadException {
        Instant now = clock.instant();
        List<ParsedArticle> parsed = parser(format).parse(input, overrides.skipLines(), now);
        if (overrides.id() != null && parsed.size() > 1) {
            throw new ArticleReadException(input.name(), "an id override names one article, but the input holds "
                    + parsed.size());
        }
        List<RawArticle> articles = new ArrayList<>(parsed.size());
        for (ParsedArticle article : parsed) {
            articles.add(complete(input, format, article, overrides));
        }
        return articles;
    }

    private RawArticle complete(ArticleInput input, ArticleFormat format, ParsedArticle parsed, ArticleOverrides overrides)
            throws ArticleReadException {
        RawArticle.Builder article = parsed.article();
        if (!article.hasId()) {
            article.setId(input.idStemIfNamed()
                    .orElseGet(() -> Slugs.fromContent("stdin", input.content())));
        }
        if (!article.hasSource()) {
            article.setSource(DEFAULT_SOURCE);
        }
        if (format != ArticleFormat.JSONL && input.idStem() != null) {
            article.getAttributes().put("file", Path.of(input.name()).getFileName().toString());
        }
        overrides.idOverride().ifPresent(article::setId);
        overrides.sourceOverride().ifPresent(article::setSource);
        if (overrides.declaredLanguage() != null) {
            article.setDeclaredLanguage(overrides.declaredLanguage());
        }
        if (overrides.revision() != null) {
            article.setRevision(overrides.revision());
        }
        RawArticle built = article.setAttributes(Map.copyOf(article.getAttributes())).build();
        try {
            return validator.validate(built);
        } catch (DeadLetterException e) {
            if (e.reason() == DeadLetterReason.NOT_TEXT) {
                throw new ArticleRefusedException(input.name(), parsed.line(), e.getMessage(), e);
            }
            throw new ArticleReadException(input.name(), parsed.line(), e.getMessage(), e);
        }
    }

    private static ArticleParser parser(ArticleFormat format) {
        return switch (format) {
            case TEXT -> new PlainTextParser();
            case HTML -> new HtmlParser();
            case NINJS -> new NinjsParser();
            case JSONL -> new JsonLinesParser();
        };
    }
}
