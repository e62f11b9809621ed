package news.wiretranslation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PrometheusSampleTest {
    private static final String SCRAPE = """
            # HELP wire_translation_stage_cpu_seconds_total CPU time of the threads running a stage
            # TYPE wire_translation_stage_cpu_seconds_total counter
            wire_translation_stage_cpu_seconds_total{stage="detect"} 1.25
            wire_translation_stage_cpu_seconds_total{stage="normalize"} 0.5
            wire_translation_mt_request_seconds_count{engine="deepl",outcome="success"} 62
            wire_translation_mt_request_seconds_sum{engine="deepl",outcome="success"} 3.347236561
            wire_translation_mt_request_seconds_count{engine="deepl",outcome="error"} 3
            wire_translation_mt_request_seconds_bucket{engine="deepl",outcome="success",le="+Inf"} 62
            wire_translation_quality_flags_total{code="UNTRANSLATED_FRAGMENT",message="a \\"quoted\\", spaced value"} 4 1700000000000
            kafka_stream_thread_commit_total{thread_id="app-1-StreamThread-1"} 10
            kafka_stream_thread_commit_total{thread_id="app-1-StreamThread-2"} 5
            process_uptime_seconds 12.5
            """;

    private final PrometheusSample sample = PrometheusSample.parse(SCRAPE);

    @Test
    void sumsTheSeriesOfANameWhoseLabelsMatch() {
        assertThat(sample.sum("wire_translation_mt_request_seconds_count", Map.of("outcome", "success"))).isEqualTo(62);
        assertThat(sample.sum("wire_translation_mt_request_seconds_sum", Map.of("outcome", "success"))).isEqualTo(3.347236561);
        assertThat(sample.sum("kafka_stream_thread_commit_total")).isEqualTo(15);
        assertThat(sample.sum("process_uptime_seconds")).isEqualTo(12.5);
    }

    @Test
    void groupsByALabel() {
        assertThat(sample.byLabel("wire_translation_stage_cpu_seconds_total", "stage"))
                .containsExactly(Map.entry("detect", 1.25), Map.entry("normalize", 0.5));
    }

    @Test
    void readsQuotedLabelValuesWithCommasAndSpacesAndIgnoresATimestamp() {
        assertThat(sample.byLabel("wire_translation_quality_flags_total", "message"))
                .containsExactly(Map.entry("a \"quoted\", spaced value", 4.0));
    }

    @Test
    void aNameNotScrapedSumsToZero() {
        assertThat(sample.sum("wire_translation_nothing_total")).isZero();
    }
}
