package news.wiretranslation.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.junit.jupiter.api.Test;

/**
 * The translate step's one use of Kafka Streams' internal API: a dead letter written after an asynchronous refusal
 * must carry the input record's bytes. If a Kafka upgrade stops handing them to processors, this fails.
 */
class SourceRecordBytesTest {

    @Test
    void aProcessorSeesTheInputRecordsKeyAndValueBytesAsRead() {
        List<SourceRecordBytes> seen = new ArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new ContextualFixedKeyProcessor<String, String, String>() {
                    @Override
                    public void process(FixedKeyRecord<String, String> record) {
                        seen.add(SourceRecordBytes.of(context().recordMetadata()));
                    }
                });
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "source-record-bytes-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(), new ByteArraySerializer());
            in.pipeInput(bytes("story-1"), bytes("Le gouvernement présente son budget"));
        }

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).key()).isEqualTo(bytes("story-1"));
        assertThat(seen.get(0).value()).isEqualTo(bytes("Le gouvernement présente son budget"));
    }

    @Test
    void withoutARecordBeingProcessedThereAreNoBytes() {
        assertThat(SourceRecordBytes.of(Optional.empty())).isEqualTo(SourceRecordBytes.NONE);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
