package news.wiretranslation.translate.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TranslationMemoryTest {
    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long NOW = 1_800_000_000_000L;

    private KeyValueStore<Bytes, byte[]> entries;
    private KeyValueStore<Bytes, byte[]> index;
    private final MemoryKeys keys = MemoryKeys.of("deepl", "model_type=default", "fr", "EN-US");

    @BeforeEach
    void stores() {
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        entries = store("entries", context);
        index = store("index", context);
    }

    private static KeyValueStore<Bytes, byte[]> store(String name, MockProcessorContext<Object, Object> context) {
        KeyValueStore<Bytes, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.Bytes(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        return store;
    }

    private TranslationMemory memory(Duration maxAge, long maxEntries) {
        return new TranslationMemory(entries, index, maxAge, maxEntries);
    }

    private static MemoryEntry entry(String translation, long storedAt) {
        return new MemoryEntry(translation, "quality_optimized", "fr", storedAt, List.of());
    }

    @Test
    void aTranslationPutIsServedExactlyAsStored() {
        TranslationMemory memory = memory(Duration.ofDays(30), 1000);
        MemoryEntry stored = new MemoryEntry("The minister spoke « today ».", "latency_optimized", "fr", NOW,
                List.of(new MemoryEntry.Span(4, "ministre parle")));
        memory.put(keys.key("Le ministre a parlé aujourd'hui."), stored);

        assertThat(memory.get(keys.key("Le ministre a parlé aujourd'hui."), NOW + DAY)).contains(stored);
        assertThat(memory.get(keys.key("Le ministre a parlé hier."), NOW)).isEmpty();
    }

    @Test
    void uncheckedEntriesAndNullFieldsSurviveTheRoundTrip() {
        MemoryEntry unchecked = new MemoryEntry("", null, null, 7, null);
        assertThat(MemoryEntry.fromBytes(unchecked.toBytes())).isEqualTo(unchecked);
        assertThat(unchecked.checked()).isFalse();
    }

    @Test
    void keysDependOnEngineSettingsLanguagePairAndNormalizedText() {
        String text = "Le  ministre\u00a0a parlé.";
        Bytes key = keys.key(text);
        assertThat(keys.key("Le ministre a parlé.")).as("whitespace is normalized").isEqualTo(key);
        assertThat(keys.key("Le ministre a parle\u0301.")).as("NFC").isEqualTo(keys.key("Le ministre a parlé."));
        assertThat(MemoryKeys.of("deepl", "model_type=latency_optimized", "fr", "EN-US").key(text)).isNotEqualTo(key);
        assertThat(MemoryKeys.of("apertium", "model_type=default", "fr", "EN-US").key(text)).isNotEqualTo(key);
        assertThat(MemoryKeys.of("deepl", "model_type=default", "fr", "DE").key(text)).isNotEqualTo(key);
        assertThat(MemoryKeys.of("deepl", "model_type=default", "it", "EN-US").key(text)).isNotEqualTo(key);
        assertThat(key.get()).hasSize(MemoryKeys.KEY_BYTES);
    }

    @Test
    void entriesOlderThanTheAgeBoundAreNotServedAndAreSweptAway() {
        TranslationMemory memory = memory(Duration.ofDays(30), 1000);
        memory.put(keys.key("old"), entry("OLD", NOW - 31 * DAY));
        memory.put(keys.key("recent"), entry("RECENT", NOW - DAY));

        assertThat(memory.get(keys.key("old"), NOW)).isEmpty();
        TranslationMemory.SweepResult result = memory.sweep(NOW, 100);

        assertThat(result.expired()).isEqualTo(1);
        assertThat(result.evicted()).isZero();
        assertThat(entries.get(keys.key("old"))).isNull();
        assertThat(memory.get(keys.key("recent"), NOW)).map(MemoryEntry::translation).contains("RECENT");
        assertThat(index.approximateNumEntries()).isEqualTo(1);
    }

    @Test
    void overTheSizeBoundTheOldestEntriesGoFirst() {
        TranslationMemory memory = memory(Duration.ofDays(30), 3);
        for (int i = 0; i < 5; i++) {
            memory.put(keys.key("text " + i), entry("T" + i, NOW + i));
        }

        TranslationMemory.SweepResult result = memory.sweep(NOW + 10, 100);

        assertThat(result.evicted()).isEqualTo(2);
        assertThat(entries.approximateNumEntries()).isEqualTo(3);
        assertThat(memory.get(keys.key("text 0"), NOW + 10)).isEmpty();
        assertThat(memory.get(keys.key("text 1"), NOW + 10)).isEmpty();
        assertThat(memory.get(keys.key("text 2"), NOW + 10)).isPresent();
        assertThat(memory.get(keys.key("text 4"), NOW + 10)).isPresent();
    }

    @Test
    void aSweepDeletesNoMoreThanItIsAllowedAndTheNextOneGoesOn() {
        TranslationMemory memory = memory(Duration.ofDays(1), 1000);
        for (int i = 0; i < 10; i++) {
            memory.put(keys.key("text " + i), entry("T" + i, NOW - 2 * DAY + i));
        }

        assertThat(memory.sweep(NOW, 4).deleted()).isEqualTo(4);
        assertThat(memory.sweep(NOW, 4).deleted()).isEqualTo(4);
        assertThat(memory.sweep(NOW, 4).deleted()).isEqualTo(2);
        assertThat(entries.approximateNumEntries()).isZero();
        assertThat(index.approximateNumEntries()).isZero();
    }

    @Test
    void aRetranslatedTextKeepsItsNewEntryWhenItsOldIndexEntryExpires() {
        TranslationMemory memory = memory(Duration.ofDays(30), 1000);
        memory.put(keys.key("text"), entry("FIRST", NOW - 40 * DAY));
        memory.put(keys.key("text"), entry("SECOND", NOW - DAY));

        TranslationMemory.SweepResult result = memory.sweep(NOW, 100);

        assertThat(result.staleIndexEntries()).isEqualTo(1);
        assertThat(result.deleted()).isZero();
        assertThat(memory.get(keys.key("text"), NOW)).map(MemoryEntry::translation).contains("SECOND");
    }
}
