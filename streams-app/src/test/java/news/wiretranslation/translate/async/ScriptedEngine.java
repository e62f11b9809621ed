package news.wiretranslation.translate.async;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;

/**
 * An engine for dispatcher tests: records every request, can hold requests until released, fail the next ones
 * from a script, and refuse requests holding a given text. Translates by prefixing the target code.
 */
final class ScriptedEngine implements Translator {
    private final List<TranslationRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Deque<TranslationException> failures = new ArrayDeque<>();
    private volatile TranslationException.Kind probeFailure;
    private final Semaphore gate = new Semaphore(Integer.MAX_VALUE);
    private volatile Predicate<String> refused = text -> false;

    @Override
    public String engine() {
        return "scripted";
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        requests.add(request);
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationException(TranslationException.Kind.UNAVAILABLE, "interrupted");
        }
        TranslationException failure;
        synchronized (failures) {
            failure = failures.pollFirst();
        }
        if (failure != null) {
            throw failure;
        }
        if (request.texts().stream().anyMatch(refused)) {
            throw new TranslationException(TranslationException.Kind.REJECTED, "refused");
        }
        List<String> texts = request.texts().stream().map(t -> "[" + request.targetLanguage() + "] " + t).toList();
        return new TranslationResult(texts, engine(), "m1", request.sourceLanguage(), request.characters(),
                request.texts().stream().map(t -> (long) t.length()).toList());
    }

    /** Requests wait until {@link #open()}. */
    void close_gate() {
        gate.drainPermits();
    }

    void open() {
        gate.release(Integer.MAX_VALUE / 2);
    }

    /** Lets exactly one waiting request through. */
    void releaseOne() {
        gate.release(1);
    }

    void failNext(TranslationException.Kind kind, int times) {
        synchronized (failures) {
            for (int i = 0; i < times; i++) {
                failures.add(new TranslationException(kind, "scripted " + kind));
            }
        }
    }

    /** The next request fails with exactly this exception. */
    void failNext(TranslationException failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    /** Probes fail with {@code kind} until set to null. */
    void failProbes(TranslationException.Kind kind) {
        probeFailure = kind;
    }

    @Override
    public void probe() throws TranslationException {
        TranslationException.Kind kind = probeFailure;
        if (kind != null) {
            throw new TranslationException(kind, "probe: " + kind);
        }
    }

    void refuse(Predicate<String> texts) {
        refused = texts;
    }

    List<TranslationRequest> requests() {
        return List.copyOf(requests);
    }
}
