package news.wiretranslation.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.registry.AvroSerde;
import news.wiretranslation.service.TopicReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's demo command as a user would, in a subprocess, with the offline engine (Apertium, which CI
 * installs), then reads what it left on the broker while it keeps running.
 */
class DemoIT {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void demoTranslatesTheSampleFeedAndAccountsForEveryRecord() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "../wire-translation", "demo", "--keep-running")
                .redirectErrorStream(true);
        builder.environment().remove("DEEPL_AUTH_KEY");
        builder.environment().put("JAVA_OPTS", "-Xmx1g");
        Process demo = builder.start();
        Thread reader = new Thread(() -> readLines(demo), "demo-output");
        reader.start();
        try {
            Awaitility.await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                    .until(() -> line("  schema registry:").isPresent() || !demo.isAlive());
            assertThat(demo.isAlive()).as("demo still running; output:\n%s", String.join("\n", lines)).isTrue();

            assertThat(line("  all results in:")).get().asString().contains("yes");
            assertThat(line("wire-translation demo:")).get().asString().contains("apertium").contains("[ES]");
            assertThat(line("  dead-lettered:")).get().asString().as("the dead-letter path, shown once")
                    .contains("BAD_MAGIC_BYTE 1").doesNotContain("TRANSLATION_REJECTED", "UNSUPPORTED_LANGUAGE");
            assertThat(line("  characters sent to MT:")).get().asString().doesNotContain("MT:  0 in");
            assertThat(firstResult()).as("the first result a newcomer sees: a translation, not a pass-through or a dead letter")
                    .contains("→ articles.normalized.es").contains("machine-translated by apertium");
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("machine-translated by apertium (fr-es"));
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("passed through: already in"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("What DeepL would add"));

            String bootstrap = value("  bootstrap servers:");
            String registry = value("  schema registry:");
            Map<String, Object> serdeConfig = Map.of("schema.registry.url", registry);
            List<ConsumerRecord<byte[], Article>> spanish = read(bootstrap, "articles.normalized.es",
                    serde(Article.class, serdeConfig));
            List<ConsumerRecord<byte[], DeadLetter>> deadLetters = read(bootstrap, "articles.dlq",
                    serde(DeadLetter.class, serdeConfig));

            Map<String, Long> perVersion = spanish.stream()
                    .collect(Collectors.groupingBy(r -> r.value().getId() + "#" + r.value().getVersion(), Collectors.counting()));
            assertThat(perVersion.values()).as("no duplicates").allMatch(n -> n == 1);
            assertThat(spanish).filteredOn(r -> r.value().getMachineTranslated()).allSatisfy(r -> {
                assertThat(r.value().getTranslation().getEngine()).isEqualTo("apertium");
                assertThat(r.value().getTranslation().getEngineModel()).as("one pair, no hop through a third language")
                        .doesNotContain(">");
                assertThat(r.value().getTranslation().getDisclaimer()).contains("Apertium");
            });
            // Flagged translations wait on the review desk instead of the output topic.
            List<ConsumerRecord<byte[], Article>> waiting = read(bootstrap, "articles.review", serde(Article.class, serdeConfig));
            assertThat(Stream.concat(spanish.stream(), waiting.stream()))
                    .anySatisfy(r -> assertThat(r.value().getDetectedLanguage()).isEqualTo("fr"));
            assertThat(Stream.concat(spanish.stream(), waiting.stream())
                    .filter(r -> r.value().getId().equals("seed-article-fr")))
                    .hasSize(1);
            assertThat(waiting).allSatisfy(r -> assertThat(r.value().getQualityFlags()).isNotEmpty());
            assertThat(line("  review desk:")).get().asString().contains("http://127.0.0.1:", "sign in as editor / ");
            assertThat(deadLetters).singleElement().satisfies(r -> assertThat(r.value().getReason()).isEqualTo("BAD_MAGIC_BYTE"));
        } finally {
            demo.destroy();
            boolean exited = demo.waitFor(90, TimeUnit.SECONDS);
            if (!exited) {
                demo.destroyForcibly();
            }
            reader.join(5000);
            System.out.println("---- demo output ----\n" + String.join("\n", lines));
            assertThat(exited).as("demo stops on SIGTERM").isTrue();
        }
    }

    private void readLines(Process process) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (java.io.IOException e) {
            lines.add("(output closed: " + e.getMessage() + ")");
        }
    }

    /** The first result block: its head line ({@code [ 1/27] afp-demo-... v1  fr ... → articles...}) and the lines after. */
    private String firstResult() {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("^\\[\\s*1/\\d+].*")) {
                return String.join("\n", lines.subList(i, Math.min(lines.size(), i + 4)));
            }
        }
        return "";
    }

    private Optional<String> line(String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).reduce((first, second) -> second);
    }

    private String value(String prefix) {
        return line(prefix).orElseThrow().substring(prefix.length()).trim();
    }

    private static <T extends SpecificRecord> Deserializer<T> serde(Class<T> type, Map<String, Object> config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(config, false);
        return serde.deserializer();
    }

    private static <V> List<ConsumerRecord<byte[], V>> read(String bootstrap, String topic, Deserializer<V> values) {
        return TopicReader.readToEnd(bootstrap, topic, values, Duration.ofSeconds(30));
    }
}
