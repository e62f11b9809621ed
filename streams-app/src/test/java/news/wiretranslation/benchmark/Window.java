package news.wiretranslation.benchmark;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import news.wiretranslation.translate.deepl.DeepLStandIn;
import news.wiretranslation.translate.deepl.RecordedRequest;

/**
 * What the service did between two moments of a phase: articles out (committed), CPU time (the process's, by group
 * of threads, and by stage as the service measured it), and the engine's side (requests, their size and duration).
 * Figures per article divide by the articles that came out in the window.
 *
 * @param articles              articles read from the output topic in the window
 * @param seconds               the window's length
 * @param processCpuMsPerArticle CPU of the service's process (of the whole benchmark JVM when the service runs in it)
 * @param threadCpuMsPerArticle  the same by group of threads ({@link ProcStats#GROUPS})
 * @param stageCpuMsPerArticle   thread CPU of each stage, from the service's {@code wire_translation_stage_cpu_seconds}
 * @param requests               successful engine requests (as the stand-in saw them)
 * @param textsPerRequest        the mean batch size reached
 * @param textsPerRequestP50     its median
 * @param textsPerRequestMax     the largest batch
 * @param requestMillis          mean duration of a successful request as the service's client measured it
 * @param textsPerArticle        texts sent to the engine per article out (after the translation memory)
 * @param billedCharacters       characters the stand-in billed
 * @param commits                transactions the stream threads committed
 */
record Window(int articles, double seconds, double articlesPerSecond, double processCpuMsPerArticle,
              Map<String, Double> threadCpuMsPerArticle, Map<String, Double> stageCpuMsPerArticle, long requests,
              double textsPerRequest, double textsPerRequestP50, double textsPerRequestMax, double requestMillis,
              double textsPerArticle, long billedCharacters, long commits) {

    /** One moment of a phase. */
    record Sample(long nanos, int outputs, ProcStats.Snapshot cpu, PrometheusSample metrics, int standInRequests,
                  long standInTexts, long billedCharacters) {
        static Sample take(ServiceUnderTest service, OutputWatcher watcher, DeepLStandIn deepL)
                throws IOException, InterruptedException {
            int outputs = watcher.count();
            long nanos = System.nanoTime();
            return new Sample(nanos, outputs, ProcStats.read(service.pid()), service.metrics(), deepL.requestCount(),
                    deepL.textCount(), deepL.billedCharacters());
        }
    }

    static final String STAGE_CPU = "wire_translation_stage_cpu_seconds_total";
    static final String REQUEST_SECONDS = "wire_translation_mt_request_seconds";
    static final String COMMITS = "kafka_stream_thread_commit_total";

    static Window between(Sample start, Sample end, String streamPrefix, List<RecordedRequest> requestsSoFar) {
        int articles = end.outputs() - start.outputs();
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        double perArticle = articles == 0 ? 0 : 1.0 / articles;

        Map<String, Double> threads = new LinkedHashMap<>();
        ProcStats.groupMillis(start.cpu(), end.cpu(), streamPrefix).forEach((group, ms) -> threads.put(group, ms * perArticle));
        Map<String, Double> stages = new LinkedHashMap<>();
        Map<String, Double> before = start.metrics().byLabel(STAGE_CPU, "stage");
        end.metrics().byLabel(STAGE_CPU, "stage").forEach((stage, s) ->
                stages.put(stage, (s - before.getOrDefault(stage, 0.0)) * 1000 * perArticle));

        List<Integer> batches = requestsSoFar.subList(start.standInRequests(), end.standInRequests()).stream()
                .filter(RecordedRequest::succeeded).map(r -> r.texts().size()).toList();
        Distribution batchSizes = Distribution.of(batches);
        long texts = end.standInTexts() - start.standInTexts();
        Map<String, String> success = Map.of("outcome", "success");
        double requestSeconds = end.metrics().sum(REQUEST_SECONDS + "_sum", success) - start.metrics().sum(REQUEST_SECONDS + "_sum", success);
        double requestCount = end.metrics().sum(REQUEST_SECONDS + "_count", success) - start.metrics().sum(REQUEST_SECONDS + "_count", success);
        return new Window(articles, seconds, seconds == 0 ? 0 : articles / seconds,
                ProcStats.processMillis(start.cpu(), end.cpu()) * perArticle, threads, stages, batches.size(),
                batches.isEmpty() ? 0 : texts / (double) batches.size(),
                batches.isEmpty() ? 0 : batchSizes.median(), batches.isEmpty() ? 0 : batchSizes.max(),
                requestCount == 0 ? 0 : requestSeconds * 1000 / requestCount,
                texts * perArticle, end.billedCharacters() - start.billedCharacters(),
                Math.round(end.metrics().sum(COMMITS) - start.metrics().sum(COMMITS)));
    }
}
