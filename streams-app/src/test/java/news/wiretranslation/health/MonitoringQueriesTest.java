package news.wiretranslation.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
        assertThat(queries).containsKey("Cost per hour [B]");
        assertThat(queries.get("Cost per hour [B]")).contains("* 25 / 1e6");
    }
}
