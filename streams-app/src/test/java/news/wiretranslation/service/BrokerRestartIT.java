package news.wiretranslation.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TestConfigs;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarts in the middle of a run (shut down, a few seconds away, back on the same port and data): the
 * service rides it out, and afterwards every article is on each target topic exactly once (read_committed).
 */
class BrokerRestartIT {
    private static ServiceTestBench bench; // its own broker: this test restarts it

    @BeforeAll
    static void start() throws Exception {
        bench = ServiceTestBench.start("broker-restart-it:fx");
    }

    @AfterAll
    static void stop() {
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aBrokerRestartMidRunLosesAndDuplicatesNothing(@TempDir Path stateDir) throws Exception {
        Map<String, String> env = bench.settings("broker-restart-it", stateDir);
        env.put("TRANSLATION_CONCURRENCY", "2");
        env.put("TRANSLATION_BATCH_MAX_TEXTS", "8");
        ServiceConfig config = TestConfigs.load(env);
        bench.createTopic(config.topics().input(), 2);
        bench.deepL.setLatency(Duration.ofMillis(60), Duration.ofMillis(40)); // slow enough to be mid-run at the restart
        List<RawArticle> feed = EngineFaultsIT.feed(150);
        bench.publish(config, feed);

        try (TranslationService service = TranslationService.create(config)) {
            service.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> bench.tally(config, feed).get(0).out() >= 20);
            int outBefore = bench.tally(config, feed).get(0).out();

            bench.broker.restart(Duration.ofSeconds(3));

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> bench.delivered(config, feed));
            System.out.printf("broker restart IT: broker restarted with %d of %d articles out for EN-US%n", outBefore,
                    feed.size());
            assertThat(outBefore).as("restarted mid-run").isLessThan(feed.size());
            assertThat(service.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        }
        List<DeliveryLedger.Tally> tallies = bench.tally(config, feed);
        System.out.println("broker restart IT: " + tallies);
        assertThat(tallies).allSatisfy(t -> assertThat(t.exact()).as(t.toString()).isTrue());
    }
}
