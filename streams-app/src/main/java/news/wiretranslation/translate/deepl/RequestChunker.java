package news.wiretranslation.translate.deepl;

import news.wiretranslation.translate.TranslationException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the texts of one translation into consecutive chunks that DeepL accepts in a single HTTP request.
 *
 * <p>DeepL's text-translation limits: at most {@value #MAX_TEXTS_PER_REQUEST} {@code text} parameters and a request
 * body of at most {@value #MAX_REQUEST_BODY_BYTES} bytes (128 KiB). deepl-java sends
 * {@code application/x-www-form-urlencoded} bodies ({@code text=...&text=...&source_lang=...}), so a text costs its
 * form-encoded size, not its UTF-8 size: {@link URLEncoder} turns every non-ASCII UTF-8 byte into three bytes
 * ({@code %C3%A9}). This class counts exactly that encoded size and keeps
 * {@value #RESERVED_PARAMETER_BYTES} bytes of headroom for the other parameters (languages, model type,
 * {@code show_billed_characters}).
 *
 * <p>Chunks keep the input order, so concatenating their results restores it.
 */
final class RequestChunker {

    /** DeepL refuses a request with more {@code text} parameters than this. */
    static final int MAX_TEXTS_PER_REQUEST = 50;

    /** DeepL refuses a text-translation request whose body is larger than this (128 KiB). */
    static final int MAX_REQUEST_BODY_BYTES = 128 * 1024;

    /** Room left in every body for the parameters other than {@code text}; they take well under 200 bytes. */
    static final int RESERVED_PARAMETER_BYTES = 1024;

    /** What the {@code text} parameters of one request may take together. */
    static final int MAX_TEXT_BYTES_PER_REQUEST = MAX_REQUEST_BODY_BYTES - RESERVED_PARAMETER_BYTES;

    private RequestChunker() {
    }

    /**
     * Splits texts into request-sized chunks, in order.
     *
     * @throws TranslationException REJECTED if one text alone exceeds {@link #MAX_TEXT_BYTES_PER_REQUEST}; nothing
     *                              should be sent then, so this is checked before any chunk is returned
     */
    static List<List<String>> chunk(List<String> texts) throws TranslationException {
        return chunk(texts, 0);
    }

    /**
     * As {@link #chunk(List)}, for requests that also carry {@code parameterBytes} of parameters beyond the usual
     * ones (DeepL's custom instructions take up to 10 x 300 characters, several times that form-encoded).
     */
    static List<List<String>> chunk(List<String> texts, long parameterBytes) throws TranslationException {
        long room = MAX_TEXT_BYTES_PER_REQUEST - parameterBytes;
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long currentBytes = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            long size = encodedSize(text);
            if (size > room) {
                throw new TranslationException(TranslationException.Kind.REJECTED, String.format(
                        "text %d of %d is %d bytes form-encoded, more than the %d bytes DeepL accepts in one "
                                + "request beside its other parameters; it cannot be sent unless it is split",
                        i + 1, texts.size(), size, room));
            }
            if (current.size() == MAX_TEXTS_PER_REQUEST || currentBytes + size > room) {
                chunks.add(List.copyOf(current));
                current.clear();
                currentBytes = 0;
            }
            current.add(text);
            currentBytes += size;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }

    /** Bytes that {@code text} adds to a form body: {@code &text=} plus the value as deepl-java encodes it. */
    static long encodedSize(String text) {
        return encodedSize("text", text);
    }

    /** Bytes that parameter {@code name} with {@code value} adds to a form body. */
    static long encodedSize(String name, String value) {
        return 2 + name.length() + URLEncoder.encode(value, StandardCharsets.UTF_8).length();
    }
}
