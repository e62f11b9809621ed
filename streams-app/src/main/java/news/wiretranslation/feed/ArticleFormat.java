package news.wiretranslation.feed;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The input formats {@link ArticleFileReader} understands, and the file extensions that select them. */
public enum ArticleFormat {
    /** Plain text: the first non-blank line is the headline, the rest the body. */
    TEXT("txt"),
    /** An HTML page or fragment; the pipeline's normalizer extracts the paragraphs. */
    HTML("html", "htm"),
    /** One IPTC ninjs item (1.x, 2.x or 3.x field names). */
    NINJS("json"),
    /** The project's own feed: one RawArticle as JSON per line. */
    JSONL("jsonl");

    private final String[] extensions;

    ArticleFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The format a file's extension stands for (case-insensitive), or empty when it stands for none. */
    public static Optional<ArticleFormat> forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1);
        for (ArticleFormat format : values()) {
            for (String candidate : format.extensions) {
                if (candidate.equals(extension)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
