package news.wiretranslation.translate.deepl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a DeepL API request, read from either body format DeepL accepts.
 *
 * <p>deepl-java 1.17.0 sends {@code application/x-www-form-urlencoded} ({@code text} repeated once per text); other
 * clients send JSON ({@code {"text":[...],"target_lang":"DE"}}). Both end up as a name to values map.
 */
final class StandInParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> values;

    private StandInParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static StandInParameters parse(String contentType, byte[] body) throws IOException {
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && contentType.toLowerCase().startsWith("application/json")) {
            return fromJson(text);
        }
        return fromForm(text);
    }

    static StandInParameters fromQuery(String rawQuery) {
        return fromForm(rawQuery == null ? "" : rawQuery);
    }

    private static StandInParameters fromForm(String form) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new StandInParameters(values);
    }

    private static StandInParameters fromJson(String body) throws IOException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(body);
        if (root != null) {
            root.properties().forEach(field -> {
                List<String> list = values.computeIfAbsent(field.getKey(), n -> new ArrayList<>());
                if (field.getValue().isArray()) {
                    field.getValue().forEach(element -> list.add(element.asText()));
                } else {
                    list.add(field.getValue().asText());
                }
            });
        }
        return new StandInParameters(values);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Every parameter with its values, in the order received. */
    Map<String, List<String>> asMap() {
        return values;
    }

    /** The first value of the parameter, or null. */
    String first(String name) {
        List<String> list = all(name);
        return list.isEmpty() ? null : list.get(0);
    }
}
