package news.wiretranslation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import news.wiretranslation.service.StreamsSettings;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The settings of the asynchronous translate step and of the translation memory. */
class AsyncSettingsTest {

    private static Map<String, String> with(String... pairs) {
        return TestConfigs.localSettingsWith(pairs);
    }

    @Test
    void asyncModeWithDeepLsLimitsAndTheMemoryIsTheDefault() {
        ServiceConfig config = TestConfigs.load(with());

        assertThat(config.async().mode()).isEqualTo(ServiceConfig.TranslationMode.ASYNC);
        assertThat(config.async().concurrency()).isEqualTo(8);
        assertThat(config.async().batchMaxTexts()).isEqualTo(50);
        assertThat(config.async().batchMaxBytes()).isEqualTo(128 * 1024);
        assertThat(config.async().linger()).isEqualTo(Duration.ofMillis(5));
        assertThat(config.async().backpressureTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.memory().enabled()).isTrue();
        assertThat(config.memory().maxAge()).isEqualTo(Duration.ofDays(30));
        assertThat(config.memory().maxEntries()).isEqualTo(200_000);
    }

    @Test
    void syncModeAndOtherValuesAreRead() {
        ServiceConfig config = TestConfigs.load(with("TRANSLATION_MODE", "SYNC", "TRANSLATION_CONCURRENCY", "3",
                "TRANSLATION_BATCH_MAX_TEXTS", "20", "TRANSLATION_MEMORY", "false", "TRANSLATION_MEMORY_MAX_AGE_DAYS", "7"));

        assertThat(config.async().mode()).isEqualTo(ServiceConfig.TranslationMode.SYNC);
        assertThat(config.async().concurrency()).isEqualTo(3);
        assertThat(config.async().batchMaxTexts()).isEqualTo(20);
        assertThat(config.memory().enabled()).isFalse();
        assertThat(config.memory().maxAge()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void valuesBeyondDeepLsLimitsOrTheConsumersPatienceAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> TestConfigs.load(with("TRANSLATION_BATCH_MAX_TEXTS", "51")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("TRANSLATION_BATCH_MAX_TEXTS");
        assertThatThrownBy(() -> TestConfigs.load(with("TRANSLATION_BATCH_MAX_BYTES", "200000")))
                .hasMessageContaining("TRANSLATION_BATCH_MAX_BYTES");
        assertThatThrownBy(() -> TestConfigs.load(with("TRANSLATION_BACKPRESSURE_TIMEOUT_MS", "300000")))
                .hasMessageContaining("TRANSLATION_BACKPRESSURE_TIMEOUT_MS");
        assertThatThrownBy(() -> TestConfigs.load(with("TRANSLATION_MODE", "parallel")))
                .hasMessageContaining("TRANSLATION_MODE");
        assertThatThrownBy(() -> TestConfigs.load(with("TRANSLATION_RETRY_BACKOFF_MS", "5000", "TRANSLATION_RETRY_MAX_BACKOFF_MS", "1000")))
                .hasMessageContaining("TRANSLATION_RETRY_MAX_BACKOFF_MS");
    }

    @Test
    void asyncModeKeepsTransactionsOpenLongerThanTheBackPressureWaitAndPollsAtTheEmitInterval() {
        Properties props = StreamsSettings.of(TestConfigs.load(with("TRANSLATION_BACKPRESSURE_TIMEOUT_MS", "90000")));

        assertThat(props.get(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG))).isEqualTo(120_000);
        assertThat(props.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(10L);
        assertThat(StreamsSettings.of(TestConfigs.load(with("TRANSLATION_MODE", "sync"))))
                .doesNotContainKey(StreamsConfig.POLL_MS_CONFIG);
    }

    @Test
    void asyncModeCommitsEverySecondUnlessConfiguredAndSyncModeKeepsKafkasDefault() {
        assertThat(StreamsSettings.of(TestConfigs.load(with("TRANSLATION_MODE", "async"))))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L);
        assertThat(StreamsSettings.of(TestConfigs.load(with("COMMIT_INTERVAL_MS", "250"))))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250L);
        assertThat(StreamsSettings.of(TestConfigs.load(with("TRANSLATION_MODE", "sync"))))
                .doesNotContainKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
    }
}
