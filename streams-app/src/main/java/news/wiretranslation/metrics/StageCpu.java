package news.wiretranslation.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The CPU time the current thread spends in one stage of the pipeline, added to
 * {@code wire_translation_stage_cpu_seconds_total{stage}}. Thread CPU time, not wall time: a stage that waits (for a
 * lock, for room in the queue) or loses its core to another process on a busy machine costs nothing here, so the
 * figure says what the stage itself costs, wherever and however loaded it runs. About a microsecond a call
 * ({@code clock_gettime} on the thread's CPU clock).
 */
public final class StageCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Counter seconds;

    StageCpu(MeterRegistry registry, String stage) {
        this.seconds = Counter.builder("wire_translation_stage_cpu_seconds")
                .description("CPU time of the threads running a stage of the pipeline (thread CPU time, not wall time),"
                        + " by stage." + PipelineMetrics.ATTEMPTS)
                .tag("stage", stage)
                .register(registry);
    }

    private StageCpu() {
        this.seconds = null;
    }

    /** A stage measured nowhere: for parts built without meters (unit tests). */
    public static StageCpu unmetered() {
        return new StageCpu();
    }

    /** The current thread's CPU time now, to hand back to {@link #stop}. */
    public long start() {
        return seconds == null ? 0 : THREADS.getCurrentThreadCpuTime();
    }

    /** Adds the current thread's CPU time since {@code start}. */
    public void stop(long start) {
        if (seconds != null && start >= 0) {
            long now = THREADS.getCurrentThreadCpuTime();
            if (now >= 0) {
                seconds.increment((now - start) / 1e9);
            }
        }
    }

    /** {@code step}, measured: the CPU it takes is added whether it returns or throws. */
    public <V, R> Function<V, R> around(Function<V, R> step) {
        return value -> {
            long start = start();
            try {
                return step.apply(value);
            } finally {
                stop(start);
            }
        };
    }
}
