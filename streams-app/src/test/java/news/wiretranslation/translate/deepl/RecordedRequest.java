package news.wiretranslation.translate.deepl;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * @param parameters every parameter as received (names as sent, values in order), for those without a field here
 */
public record RecordedRequest(String sourceLang, String targetLang, List<String> texts, String modelType,
                              String context, long bodyBytes, Instant at, int status, String glossaryId,
                              String formality, String tagHandling, Map<String, List<String>> parameters) {
    public RecordedRequest {
        texts = List.copyOf(texts);
        Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of parameter {@code name}, or null. */
    public String parameter(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of parameter {@code name}, comma-joined ones split: e.g. {@code glossary_ids}. */
    public List<String> parameterList(String name) {
        return listOf(parameters.getOrDefault(name, List.of()));
    }

    /** A list parameter's values, sent repeated ({@code glossary_ids=a&glossary_ids=b}) or comma-joined. */
    static List<String> listOf(List<String> values) {
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(","))).filter(v -> !v.isBlank())
                .map(String::strip).toList();
    }

    public boolean succeeded() {
        return status == 200;
    }
}
