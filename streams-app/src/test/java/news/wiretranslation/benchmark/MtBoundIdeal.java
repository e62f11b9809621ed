package news.wiretranslation.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * The throughput the engine would allow if nothing else limited the service: every one of the dispatcher's request
 * slots busy all the time, each request taking as long as requests were measured to take (by the client, so
 * connection and transfer included) and carrying as many texts as the requests actually carried, and each article
 * needing as many texts from the engine as it actually did (after the translation memory). All four are measured in
 * the same phase whose rate is compared with the ideal; none is the stand-in's nominal setting or a configured limit.
 *
 * @param concurrency      engine requests in flight at once (TRANSLATION_CONCURRENCY)
 * @param requestMillis    mean duration of a successful engine request, as the service's client measured it
 * @param textsPerRequest  mean texts a request carried
 * @param textsPerArticle  mean texts an article sent to the engine (after the memory)
 */
record MtBoundIdeal(int concurrency, double requestMillis, double textsPerRequest, double textsPerArticle) {

    /** Articles a second the engine side could carry; 0 when nothing was measured. */
    double articlesPerSecond() {
        if (requestMillis <= 0 || textsPerArticle <= 0) {
            return 0;
        }
        double requestsPerSecond = concurrency * 1000.0 / requestMillis;
        return requestsPerSecond * textsPerRequest / textsPerArticle;
    }

    /** Each assumption in a line, with the measured figure it rests on, for the report. */
    List<String> assumptions() {
        return List.of(
                String.format(Locale.ROOT, "%d engine requests in flight at every moment (TRANSLATION_CONCURRENCY)", concurrency),
                String.format(Locale.ROOT, "each takes %.0f ms, the mean the service's client measured in this phase", requestMillis),
                String.format(Locale.ROOT, "each carries %.1f texts, the mean batch reached in this phase (not the 50 allowed)", textsPerRequest),
                String.format(Locale.ROOT, "an article needs %.2f texts from the engine, as measured (after the translation memory)", textsPerArticle),
                String.format(Locale.ROOT, "so %d x 1000 / %.0f x %.1f / %.2f = %.0f articles/s", concurrency, requestMillis,
                        textsPerRequest, textsPerArticle, articlesPerSecond()));
    }
}
