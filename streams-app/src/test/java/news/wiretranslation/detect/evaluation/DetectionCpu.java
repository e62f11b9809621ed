package news.wiretranslation.detect.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent detecting, from the threads that do it: the calling thread and the common fork-join pool's workers
 * (Lingua spreads one detection over that pool, so the caller's own CPU time alone would under-count it). Thread CPU
 * time, not wall time: the build machines are shared, and other processes' load does not inflate it.
 */
public final class DetectionCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DetectionCpu() {
    }

    /** Nanoseconds of CPU used so far by this thread and the fork-join pool's workers. */
    public static long now() {
        long total = THREADS.getCurrentThreadCpuTime();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("ForkJoinPool.commonPool")) {
                long cpu = THREADS.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    total += cpu;
                }
            }
        }
        return total;
    }
}
