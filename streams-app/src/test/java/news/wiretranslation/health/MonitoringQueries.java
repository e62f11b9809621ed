package news.wiretranslation.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The PromQL that operators rely on, taken from the files they use: every panel target of the Grafana dashboard
 * (with the dashboard's own variables filled in), and every rule Prometheus loaded from the alert rules. An alert
 * compares an expression with a threshold and is empty while healthy, so what is checked for an alert is each
 * compared expression (the comparison split off, {@code and}/{@code or}/{@code unless} operands separately).
 */
public final class MonitoringQueries {
    public static final Path DOCKER = Path.of("..", "docker");
    public static final Path DASHBOARD = DOCKER.resolve("grafana/dashboards/wire-translation.json");
    public static final Path PROMETHEUS_CONFIG = DOCKER.resolve("prometheus/prometheus.yml");
    public static final Path ALERT_RULES = DOCKER.resolve("prometheus/alerts.yml");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");
    private static final Pattern SET_OPERATOR = Pattern.compile("\\s+(?:and|or|unless)\\s+");
    private static final Pattern ABSENT = Pattern.compile("^absent\\((.*)\\)$", Pattern.DOTALL);
    private static final Pattern TRAILING_COMPARISON = Pattern.compile("\\s*(?:==|!=|>=|<=|>|<)\\s*(?:bool\\s+)?[-+]?[0-9.eE+-]+\\s*$");

    private MonitoringQueries() {
    }

    /** Panel title + target refId → expression, for every target of every panel of the dashboard. */
    public static Map<String, String> dashboard() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        Map<String, String> variables = new HashMap<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            variables.put(variable.path("name").asText(), defaultValue(variable));
        }
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                if (!expr.isBlank()) {
                    queries.put(panel.path("title").asText() + " [" + target.path("refId").asText() + "]",
                            substitute(expr, variables));
                }
            }
        }
        return queries;
    }

    /**
     * What Grafana puts in a query for the variable as the dashboard opens: a query variable's current value, or its
     * {@code allValue} when "All" is chosen (every instance); a text box's text.
     */
    private static String defaultValue(JsonNode variable) {
        if ("query".equals(variable.path("type").asText())) {
            String current = variable.path("current").path("value").asText();
            return "$__all".equals(current) ? variable.path("allValue").asText(".*") : current;
        }
        return variable.path("query").asText();
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static String substitute(String expr, Map<String, String> variables) {
        Matcher matcher = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String value = variables.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The dashboard's query uses $" + name + ", which it does not define: " + expr);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * Rule name → expression to check, for every rule Prometheus reports in {@code /api/v1/rules}: a recording rule's
     * own query and the series it records; an alert's compared expressions.
     */
    public static Map<String, String> rules(JsonNode groups) {
        Map<String, String> queries = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("name").asText();
                String query = rule.path("query").asText();
                if ("recording".equals(rule.path("type").asText())) {
                    queries.put("record " + name, name);
                    queries.put("record " + name + " (expr)", query);
                } else {
                    List<String> operands = comparedExpressions(query);
                    for (int i = 0; i < operands.size(); i++) {
                        queries.put("alert " + name + " [" + i + "]", operands.get(i));
                    }
                }
            }
        }
        return queries;
    }

    /**
     * {@code a > 0 and b > 1000} → {@code [a, b]}; {@code up == 0} → {@code [up]}; {@code up == 0 or absent(up)} →
     * {@code [up, up]}: {@code absent(x)} is empty while all is well, so what is checked is that {@code x} has data
     * (that the selector names series that exist).
     */
    static List<String> comparedExpressions(String alert) {
        List<String> operands = new ArrayList<>();
        for (String part : SET_OPERATOR.split(alert.trim())) {
            String operand = TRAILING_COMPARISON.matcher(part).replaceFirst("").trim();
            Matcher absent = ABSENT.matcher(operand);
            operands.add(absent.matches() ? absent.group(1).trim() : operand);
        }
        return operands;
    }
}
