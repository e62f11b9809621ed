package news.wiretranslation.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class MonitoringQueriesTest {
    @Test
    void checksEachExpressionAnAlertComparesWithItsThreshold() {
        assertThat(MonitoringQueries.comparedExpressions("up{job=\"wire-translation\"} == 0"))
                .containsExactly("up{job=\"wire-translation\"}");
        assertThat(MonitoringQueries.comparedExpressions(
                "deriv(wire_translation:consumer_lag:sum[10m]) > 0 and wire_translation:consumer_lag:sum > 1000"))
                .containsExactly("deriv(wire_translation:consumer_lag:sum[10m])", "wire_translation:consumer_lag:sum");
        assertThat(MonitoringQueries.comparedExpressions("x > 1e-3")).containsExactly("x");
        // absent(x) is empty while the targets are there: what must have data is x itself.
        assertThat(MonitoringQueries.comparedExpressions(
                "up{job=\"wire-translation\"} == 0 or absent(up{job=\"wire-translation\"})"))
                .containsExactly("up{job=\"wire-translation\"}", "up{job=\"wire-translation\"}");
        assertThat(MonitoringQueries.comparedExpressions("sum(increase(a{d=\"over\"}[1h]))\n/ clamp_min(sum(b), 1) > 0.05"))
                .containsExactly("sum(increase(a{d=\"over\"}[1h]))\n/ clamp_min(sum(b), 1)");
    }

    @Test
    void readsEveryPanelQueryOfTheDashboardWithItsVariablesFilledIn() throws Exception {
        Map<String, String> queries = MonitoringQueries.dashboard();

        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(queries.values()).noneMatch(query -> query.contains("$"));
        assertThat(queries.get("Throughput per pod (articles/s) [A]"))
                .isEqualTo("sum by (instance) (rate(wire_translation_articles_in_total{job=~\"wire-translation\", instance=~\".+\"}[5m]))");
    }

    @Test
    void everyQueryOfTheServiceIsFilteredByTheJobAndInstanceVariables() throws Exception {
        String dashboard = Files.readString(MonitoringQueries.DASHBOARD);
        JsonNode panels = new ObjectMapper().readTree(dashboard).path("panels");
        List<String> unfiltered = new ArrayList<>();
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                // kube-state-metrics' series are about pods, not scraped from the service: no job or instance of ours.
                if (!expr.contains("kube_pod_") && !expr.contains("instance=~\"$instance\"")) {
                    unfiltered.add(panel.path("title").asText() + ": " + expr);
                }
            }
        }
        assertThat(unfiltered).isEmpty();
        assertThat(dashboard).contains("\"name\": \"job\"", "\"name\": \"instance\"");
    }

    @Test
    void costsAndTheMemoryHitRatioHoldForEveryEngine() throws Exception {
        Map<String, String> queries = MonitoringQueries.dashboard();

        assertThat(queries.get("Cost per hour, per engine [A]")).contains("wire_translation_cost_total").contains("by (engine)");
        assertThat(queries.get("Translation memory hit ratio [A]")).as("sent, not billed (0 for Apertium)")
                .contains("kind=\"sent\"").doesNotContain("billed");
        assertThat(queries.values()).noneMatch(query -> query.contains("price_per_million_chars"));
    }
}
