package news.wiretranslation.translate.async;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How large one engine request may be: at most {@code maxTexts} texts and a request body of at most
 * {@code maxBodyBytes}. DeepL's limits are 50 texts and 128 KiB; deepl-java sends form-encoded bodies, so a text
 * costs {@code &text=} plus its URL-encoded size (every non-ASCII UTF-8 byte takes three), and
 * {@value #RESERVED_PARAMETER_BYTES} bytes are kept for the other parameters (languages, model type). A batch
 * within these limits is one HTTP request.
 */
public record BatchLimits(int maxTexts, int maxBodyBytes) {
    /** DeepL's limits. */
    public static final BatchLimits DEEPL = new BatchLimits(50, 128 * 1024);

    /** Room left in every body for the parameters other than {@code text}. */
    public static final int RESERVED_PARAMETER_BYTES = 1024;

    public BatchLimits {
        if (maxTexts < 1) {
            throw new IllegalArgumentException("maxTexts must be at least 1");
        }
        if (maxBodyBytes <= RESERVED_PARAMETER_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be above " + RESERVED_PARAMETER_BYTES);
        }
    }

    /** What the texts of one request may take together. */
    public long maxTextBytes() {
        return maxBodyBytes - RESERVED_PARAMETER_BYTES;
    }

    /** Bytes that {@code text} adds to a form body. */
    public static long encodedSize(String text) {
        return "&text=".length() + URLEncoder.encode(text, StandardCharsets.UTF_8).length();
    }
}
