package news.wiretranslation.translate.deepl;

import java.time.Instant;
import java.util.List;

/**
 * One {@code POST /v2/translate} as {@link DeepLStandIn} received it, whatever it answered.
 *
 * @param sourceLang the {@code source_lang} parameter as sent (null if absent)
 * @param targetLang the {@code target_lang} parameter as sent (null if absent)
 * @param texts      the {@code text} parameters, in order
 * @param modelType  the {@code model_type} parameter, or null
 * @param context    the {@code context} parameter, or null
 * @param bodyBytes  size of the raw request body, as DeepL's 128 KiB limit counts it
 * @param at         when the request arrived (before any injected latency)
 * @param status     the HTTP status the stand-in answered with (200, or the refusal or injected failure)
 * @param glossaryId the {@code glossary_id} parameter, or null
 * @param formality  the {@code formality} parameter, or null
 * @param tagHandling the {@code tag_handling} parameter, or null
 */
public record RecordedRequest(String sourceLang, String targetLang, List<String> texts, String modelType,
                              String context, long bodyBytes, Instant at, int status, String glossaryId,
                              String formality, String tagHandling) {
    public RecordedRequest {
        texts = List.copyOf(texts);
    }

    public boolean succeeded() {
        return status == 200;
    }
}
