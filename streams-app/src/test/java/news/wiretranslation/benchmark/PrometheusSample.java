package news.wiretranslation.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of the service's {@code /metrics} (Prometheus text format): how the benchmark reads what the service
 * measured inside itself, the same way whether the service runs in a child JVM or in the benchmark's.
 */
final class PrometheusSample {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One line: a name, its labels, a value. */
    record Series(String name, Map<String, String> labels, double value) {
    }

    private final List<Series> series;

    private PrometheusSample(List<Series> series) {
        this.series = series;
    }

    static PrometheusSample scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/metrics answered " + response.statusCode());
        }
        return parse(response.body());
    }

    static PrometheusSample parse(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int braces = line.indexOf('{');
            int firstSpace = line.indexOf(' ');
            if (firstSpace < 0) {
                continue;
            }
            String name;
            Map<String, String> labels = Map.of();
            String rest;
            if (braces >= 0 && braces < firstSpace) {
                int closing = line.lastIndexOf('}');
                name = line.substring(0, braces);
                labels = labels(line.substring(braces + 1, closing));
                rest = line.substring(closing + 1).strip();
            } else {
                name = line.substring(0, firstSpace);
                rest = line.substring(firstSpace + 1).strip();
            }
            String value = rest.split(" ")[0]; // a timestamp may follow
            series.add(new Series(name, labels, parseValue(value)));
        }
        return new PrometheusSample(series);
    }

    private static double parseValue(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
    }

    /** {@code a="x",b="y \"quoted\""}: label values with Prometheus' escapes undone. */
    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = text.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2; // past ="
            while (j < text.length() && text.charAt(j) != '"') {
                char c = text.charAt(j);
                if (c == '\\' && j + 1 < text.length()) {
                    char next = text.charAt(++j);
                    value.append(next == 'n' ? '\n' : next);
                } else {
                    value.append(c);
                }
                j++;
            }
            labels.put(key, value.toString());
            i = j + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
        return labels;
    }

    /** The sum of every series named {@code name} whose labels include all of {@code match} (0 when none). */
    double sum(String name, Map<String, String> match) {
        return series.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(match.entrySet()))
                .mapToDouble(Series::value).sum();
    }

    double sum(String name) {
        return sum(name, Map.of());
    }

    /** The values of label {@code label} among the series named {@code name}, each with its summed value. */
    Map<String, Double> byLabel(String name, String label) {
        Map<String, Double> values = new LinkedHashMap<>();
        series.stream().filter(s -> s.name().equals(name) && s.labels().containsKey(label))
                .forEach(s -> values.merge(s.labels().get(label), s.value(), Double::sum));
        return values;
    }
}
