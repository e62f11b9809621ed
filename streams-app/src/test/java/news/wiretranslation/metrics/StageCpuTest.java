package news.wiretranslation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class StageCpuTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    private double seconds(String stage) {
        return registry.counter("wire_translation_stage_cpu_seconds", "stage", stage).count();
    }

    /** Works until this thread has used {@code millis} of CPU: a stage whose cost is known without a clock on the wall. */
    private static long burn(long millis) {
        long until = THREADS.getCurrentThreadCpuTime() + millis * 1_000_000;
        long sum = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            sum += System.identityHashCode(new Object());
        }
        return sum;
    }

    @Test
    void addsTheCpuTimeTheStageUsedOnItsThread() {
        metrics.stageCpu("detect").around((Long millis) -> burn(millis)).apply(30L);

        assertThat(seconds("detect")).isGreaterThanOrEqualTo(0.030).isLessThan(1.0);
        assertThat(seconds("normalize")).isZero();
    }

    @Test
    void aStageThatWaitsCostsNoCpu() {
        // Parked, the thread uses no CPU: wall time around it would count the whole wait.
        metrics.stageCpu("translate").around((Long nanos) -> {
            LockSupport.parkNanos(nanos);
            return nanos;
        }).apply(300_000_000L);

        assertThat(seconds("translate")).isLessThan(0.1);
    }

    @Test
    void countsAStageThatThrows() {
        StageCpu cpu = metrics.stageCpu("normalize");

        assertThatThrownBy(() -> cpu.around((Long millis) -> {
            burn(millis);
            throw new IllegalStateException("refused");
        }).apply(20L)).isInstanceOf(IllegalStateException.class);

        assertThat(seconds("normalize")).isGreaterThanOrEqualTo(0.020);
    }

    @Test
    void stagesAddUpAcrossCallsAndThreads() throws InterruptedException {
        StageCpu cpu = metrics.stageCpu("detect");
        Thread other = new Thread(() -> {
            long start = cpu.start();
            burn(20);
            cpu.stop(start);
        });
        other.start();
        long start = cpu.start();
        burn(20);
        cpu.stop(start);
        other.join();

        assertThat(seconds("detect")).isGreaterThanOrEqualTo(0.040);
    }

    @Test
    void anUnmeteredStageRecordsNothing() {
        StageCpu cpu = StageCpu.unmetered();

        assertThat(cpu.around((Long millis) -> burn(millis)).apply(10L)).isNotNull();
        assertThat(registry.find("wire_translation_stage_cpu_seconds").counters()).isEmpty();
    }
}
