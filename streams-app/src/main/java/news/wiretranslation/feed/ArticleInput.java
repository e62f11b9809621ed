package news.wiretranslation.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The text of one input and the names it goes by.
 *
 * <p>Inputs are decoded as strict UTF-8: a file in another encoding would otherwise reach translation as mojibake,
 * which no later stage can repair. A leading byte-order mark is dropped.
 *
 * @param name      how messages name the input: the file path, or {@code <stdin>}
 * @param idStem    the id an article takes when nothing better names it (the file name without extension), or
 *                  null when the input has no name (standard input)
 * @param content   the decoded text
 */
public record ArticleInput(String name, String idStem, String content) {

    public static final String STDIN_NAME = "<stdin>";

    /** Reads a file. */
    public static ArticleInput of(Path file) throws ArticleReadException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ArticleReadException(name, 0, "cannot read the file: " + e.getMessage(), e);
        }
        return new ArticleInput(name, stem(file), decode(name, bytes));
    }

    /** Reads standard input (or any unnamed stream) to its end. */
    public static ArticleInput of(InputStream in) throws ArticleReadException {
        try {
            return new ArticleInput(STDIN_NAME, null, decode(STDIN_NAME, in.readAllBytes()));
        } catch (IOException e) {
            throw new ArticleReadException(STDIN_NAME, 0, "cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** Text already in memory, e.g. a classpath resource. */
    public static ArticleInput of(String name, String idStem, String content) {
        return new ArticleInput(name, idStem, stripBom(content));
    }

    public Optional<String> idStemIfNamed() {
        return Optional.ofNullable(idStem);
    }

    private static String decode(String name, byte[] bytes) throws ArticleReadException {
        try {
            return stripBom(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new ArticleReadException(name, 0, "not valid UTF-8 text (convert it to UTF-8 first)", e);
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String stem(Path file) {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
