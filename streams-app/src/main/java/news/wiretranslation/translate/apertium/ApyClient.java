package news.wiretranslation.translate.apertium;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests to Apertium-APY and turns every answer that is not a success into the pipeline's
 * {@link TranslationException} kinds.
 *
 * <p>APY answers errors with a status and a JSON body {@code {"status":"error","code":400,"explanation":...}}:
 * 400 for an invalid or uninstalled pair (the input will never be accepted: {@link Kind#REJECTED}), 503 when a
 * pipeline got stuck or timed out ({@link Kind#SERVER_ERROR}, retried). Statuses APY does not send itself but a proxy
 * in front of it might are classified like DeepL's: 429 rate limited, 401/403 authentication, 408 and connection
 * failures or timeouts unavailable. A success whose body is not the expected JSON is a server error.
 *
 * <p>Thread-safe: {@link HttpClient} is.
 */
final class ApyClient {

    private static final int MAX_BODY_IN_MESSAGE = 500;

    private final ApertiumApySettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    ApyClient(ApertiumApySettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET {@code baseUrl + path}; returns the JSON body of a 200 answer. */
    JsonNode get(String path, String action) throws TranslationException {
        return send(request(path).GET().build(), action);
    }

    /**
     * POST {@code baseUrl + path} with {@code form} as an {@code application/x-www-form-urlencoded} body (APY reads
     * form bodies like query parameters, and a body has no URL length limit); returns the JSON body of a 200 answer.
     */
    JsonNode postForm(String path, Map<String, String> form, String action) throws TranslationException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), action);
    }

    /** The form/query encoding of {@code value}: UTF-8, {@code |} as {@code %7C}, space as {@code +}. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, String action) throws TranslationException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new TranslationException(Kind.UNAVAILABLE, "Apertium-APY at " + settings.baseUrl()
                    + " did not answer within " + settings.timeout() + " while " + action, e);
        } catch (ConnectException e) {
            throw new TranslationException(Kind.UNAVAILABLE, "Apertium-APY at " + settings.baseUrl()
                    + " is unreachable while " + action + ": " + e, e);
        } catch (IOException e) {
            throw new TranslationException(Kind.UNAVAILABLE, "connection to Apertium-APY at " + settings.baseUrl()
                    + " failed while " + action + ": " + e, e);
        } catch (InterruptedException e) {
            // The stream thread is being stopped: keep the flag so that its owner sees it.
            Thread.currentThread().interrupt();
            throw new TranslationException(Kind.UNAVAILABLE, "interrupted while " + action, e);
        }
        int status = response.statusCode();
        if (status != 200) {
            throw failure(status, explanation(response.body()), action);
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new TranslationException(Kind.SERVER_ERROR, "unreadable answer from Apertium-APY while " + action
                    + ": " + abbreviate(response.body()), e);
        }
        JsonNode reported = body == null ? null : body.get("responseStatus");
        if (reported != null && reported.isInt() && reported.intValue() != 200) {
            throw failure(reported.intValue(), explanation(response.body()), action);
        }
        return body;
    }

    /** Classifies an answer with a status other than 200. */
    static TranslationException failure(int status, String explanation, String action) {
        String details = " (HTTP " + status + ") while " + action + ": " + explanation;
        if (status == 429) {
            return new TranslationException(Kind.RATE_LIMITED, "Apertium-APY rate limit hit" + details);
        }
        if (status == 401 || status == 403) {
            return new TranslationException(Kind.AUTHENTICATION, "Apertium-APY refused access" + details);
        }
        if (status == 408) {
            return new TranslationException(Kind.UNAVAILABLE, "Apertium-APY timed out" + details);
        }
        if (status >= 500) {
            return new TranslationException(Kind.SERVER_ERROR, "Apertium-APY server error" + details);
        }
        return new TranslationException(Kind.REJECTED, "Apertium-APY rejected the request" + details);
    }

    /** APY's {@code explanation}, else its {@code message}, else the start of the body. */
    private String explanation(String body) {
        try {
            JsonNode error = json.readTree(body);
            for (String field : new String[] {"explanation", "responseDetails", "message"}) {
                JsonNode value = error == null ? null : error.get(field);
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
        } catch (JsonProcessingException e) {
            // Not JSON (e.g. a proxy's HTML page): show the start of it.
        }
        return abbreviate(body);
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String text = body.strip();
        return text.length() <= MAX_BODY_IN_MESSAGE ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
}
