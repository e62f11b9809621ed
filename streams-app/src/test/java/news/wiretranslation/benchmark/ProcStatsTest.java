package news.wiretranslation.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void readsUserAndSystemTicksPastANameWithSpacesAndParentheses() {
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 100 0 0 0 1234 56 0 0 20 0 30 0 9 0 0";

        assertThat(ProcStats.ticks(stat)).isEqualTo(1290);
        assertThat(ProcStats.ticks("7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 5 6 0 0")).isEqualTo(11);
    }

    @Test
    void groupsThreadsByTheNameTheJvmGaveTheOperatingSystem() {
        String app = "wt-async-1";

        assertThat(ProcStats.group("wt-async-1-5f3a", app)).isEqualTo("stream threads");
        assertThat(ProcStats.group("translation-dis", app)).isEqualTo("translation dispatcher");
        assertThat(ProcStats.group("translation-qua", app)).isEqualTo("quality check");
        assertThat(ProcStats.group("kafka-producer-", app)).isEqualTo("Kafka client I/O");
        assertThat(ProcStats.group("GC Thread#1", app)).isEqualTo("garbage collection");
        assertThat(ProcStats.group("G1 Conc#0", app)).isEqualTo("garbage collection");
        assertThat(ProcStats.group("C2 CompilerThre", app)).isEqualTo("JIT compiler");
        assertThat(ProcStats.group("wt-async-2-aaaa", app)).as("another application's threads").isEqualTo("other");
    }

    @Test
    void aLongApplicationIdIsMatchedOnTheFifteenCharactersLinuxKeeps() {
        assertThat(ProcStats.group("wt-async-benchm", "wt-async-benchmark-1")).isEqualTo("stream threads");
    }

    @Test
    void threadCpuIsTheDifferenceBetweenSnapshotsAndANewThreadCountsFromZero() {
        ProcStats.Snapshot before = new ProcStats.Snapshot(1000, Map.of(
                1L, new ProcStats.Thread("wt-sync-1-abcde", 100), 2L, new ProcStats.Thread("GC Thread#0", 50)));
        ProcStats.Snapshot after = new ProcStats.Snapshot(1300, Map.of(
                1L, new ProcStats.Thread("wt-sync-1-abcde", 250), 2L, new ProcStats.Thread("GC Thread#0", 60),
                3L, new ProcStats.Thread("translation-qua", 40)));

        Map<String, Double> groups = ProcStats.groupMillis(before, after, "wt-sync-1");

        assertThat(ProcStats.processMillis(before, after)).isEqualTo(3000);
        assertThat(groups).containsEntry("stream threads", 1500.0).containsEntry("garbage collection", 100.0)
                .containsEntry("quality check", 400.0).containsEntry("other", 0.0);
        assertThat(groups.keySet()).containsExactlyElementsOf(ProcStats.GROUPS);
    }

    @Test
    void readsThisProcessesCpuAndMemoryAndKnowsAThreadByItsJavaName() throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "translation-quality-check");
        thread.start();
        ProcStats.Snapshot snapshot;
        try {
            // The JVM names a started thread for the operating system, cut to 15 characters.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() ->
                    ProcStats.read(ProcessHandle.current().pid()).threads().values().stream()
                            .anyMatch(t -> t.name().equals("translation-qua")));
            snapshot = ProcStats.read(ProcessHandle.current().pid());
        } finally {
            done.countDown();
            thread.join();
        }
        long[] memory = ProcStats.residentMb(ProcessHandle.current().pid());

        assertThat(snapshot.processTicks()).isPositive();
        assertThat(snapshot.threads().values()).anyMatch(t -> ProcStats.group(t.name(), "app").equals("quality check"));
        assertThat(memory[0]).isPositive();
        assertThat(memory[1]).isGreaterThanOrEqualTo(memory[0]);
        assertThat(ProcStats.loadAverage()).hasSize(3);
    }
}
