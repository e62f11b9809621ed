package news.wiretranslation.translate.deepl;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.meters.MeteredTranslator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing period's end, read from DeepL's {@code /v2/usage} answer (deepl-java 1.17's {@code Usage} does not
 * expose it) through deepl-java against the {@link DeepLStandIn} over real HTTP, and shown as a gauge.
 */
class DeepLQuotaPeriodTest {
    private DeepLStandIn standIn;

    @BeforeEach
    void start() throws IOException {
        standIn = new DeepLStandIn().start();
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private DeepLTranslator translator() {
        return new DeepLTranslator(new DeepLSettings(standIn.authKey(), standIn.url(), Duration.ofSeconds(5), null));
    }

    @Test
    void aProKeysPeriodEndIsKnownAfterTheUsageWasAskedAndShownAsAGauge() throws TranslationException {
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        standIn.setBillingPeriod(Instant.parse("2026-12-01T00:00:00Z"), end);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeteredTranslator metered = new MeteredTranslator(translator(), registry);
        assertThat(metered.quotaPeriodEnd()).as("nothing asked yet").isEmpty();

        metered.verify();

        assertThat(metered.quotaPeriodEnd()).contains(end);
        assertThat(registry.get("wire_translation_engine_quota_period_end_seconds").gauge().value())
                .isEqualTo((double) end.getEpochSecond());

        Instant next = Instant.parse("2027-02-01T00:00:00Z");
        standIn.setBillingPeriod(end, next);
        metered.quota(); // the probe of a quota pause
        assertThat(metered.quotaPeriodEnd()).as("each usage answer renews it").contains(next);
        metered.close();
    }

    @Test
    void aFreeKeyReportsNoPeriodAndTheGaugeSaysUnknown() throws TranslationException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MeteredTranslator metered = new MeteredTranslator(translator(), registry);

        metered.verify();

        assertThat(metered.quotaPeriodEnd()).isEmpty();
        assertThat(registry.get("wire_translation_engine_quota_period_end_seconds").gauge().value()).isNaN();
        metered.close();
    }
}
