package news.wiretranslation.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.config.RegistrySettings;
import news.wiretranslation.config.ServiceConfig;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.registry.AvroSerde;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Counts where every input article ended, per target language, by reading the output topics and the dead-letter
 * topic with read_committed: out, dead-lettered, missing and duplicated. Articles are told apart by id and revision;
 * a dead letter that concerns every target (targetLanguage null) counts for each.
 */
public final class DeliveryLedger {

    /**
     * One target's tally. {@code endedAs}: per input ("id#revision") where it ended, {@code "out"} or the dead
     * letter's reason (the first place it was seen); {@code deadLettersByReason}: this target's dead letters by reason.
     */
    public record Tally(String target, int in, int out, int deadLettered, Set<String> missing, Map<String, Integer> duplicates,
                        Map<String, String> endedAs, Map<String, Integer> deadLettersByReason) {
        public boolean exact() {
            return missing.isEmpty() && duplicates.isEmpty() && in == out + deadLettered;
        }

        @Override
        public String toString() {
            return String.format("%s: in %d = out %d + dead letters %d; lost %d%s, duplicated %d%s", target, in, out,
                    deadLettered, missing.size(), missing.isEmpty() ? "" : " " + first(missing), duplicates.size(),
                    duplicates.isEmpty() ? "" : " " + first(duplicates.keySet()));
        }

        private static String first(Collection<String> ids) {
            return ids.stream().limit(5).toList().toString();
        }
    }

    private DeliveryLedger() {
    }

    /**
     * @param inputs the ids ("id#revision") of the articles published, each once
     */
    public static List<Tally> tally(ServiceConfig config, String bootstrapServers, Collection<String> inputs) {
        List<ConsumerRecord<byte[], DeadLetter>> letters = TopicReader.readToEnd(bootstrapServers,
                config.topics().deadLetter(), serde(DeadLetter.class, config).deserializer(), Duration.ofSeconds(60));
        List<Tally> tallies = new ArrayList<>();
        for (TargetLanguage target : config.targetLanguages()) {
            List<ConsumerRecord<byte[], Article>> out = TopicReader.readToEnd(bootstrapServers,
                    config.topics().output(target), serde(Article.class, config).deserializer(), Duration.ofSeconds(60));
            Map<String, Integer> seen = new LinkedHashMap<>();
            Map<String, String> endedAs = new HashMap<>();
            for (ConsumerRecord<byte[], Article> record : out) {
                String key = record.value().getId() + "#" + record.value().getVersion();
                seen.merge(key, 1, Integer::sum);
                endedAs.putIfAbsent(key, "out");
            }
            Map<String, Integer> byReason = new TreeMap<>();
            int deadLettered = 0;
            for (ConsumerRecord<byte[], DeadLetter> record : letters) {
                DeadLetter letter = record.value();
                String language = letter.getTargetLanguage() == null ? null : letter.getTargetLanguage().toString();
                if (language == null || language.equalsIgnoreCase(target.code())) {
                    deadLettered++;
                    byReason.merge(String.valueOf(letter.getReason()), 1, Integer::sum);
                    // A dead letter names the article, not its revision: it stands for one input of that id. One
                    // refused before decoding (ARTICLE_TOO_LARGE, malformed) has no article id: its key is the input's.
                    String id = articleId(record);
                    String key = inputs.stream().filter(i -> i.startsWith(id + "#") && !seen.containsKey(i))
                            .findFirst().orElse(id + "#?");
                    seen.merge(key, 1, Integer::sum);
                    endedAs.putIfAbsent(key, String.valueOf(letter.getReason()));
                }
            }
            Set<String> missing = new TreeSet<>(inputs);
            missing.removeAll(seen.keySet());
            Map<String, Integer> duplicates = new HashMap<>();
            seen.forEach((id, n) -> {
                if (n > 1 || !inputs.contains(id)) {
                    duplicates.put(id, n);
                }
            });
            tallies.add(new Tally(target.code(), inputs.size(), out.size(), deadLettered, missing, duplicates, endedAs,
                    byReason));
        }
        return tallies;
    }

    /** The article a dead letter stands for: its article id, or, when it has none, its record key (the input's key). */
    static String articleId(ConsumerRecord<byte[], DeadLetter> record) {
        if (record.value().getArticleId() != null) {
            return record.value().getArticleId().toString();
        }
        return record.key() == null ? "null" : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static <T extends SpecificRecord> AvroSerde<T> serde(Class<T> type, ServiceConfig config) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(RegistrySettings.serdeConfigs(config.registry()), false);
        return serde;
    }
}
