package news.wiretranslation.translate.async;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import news.wiretranslation.quality.QualityChecker.UntranslatedSpan;
import news.wiretranslation.translate.TranslationException;

/**
 * One article's texts in a {@link TranslationDispatcher}: their results as they come in (a text sent in pieces is put
 * back together when its last piece is in), and the room it holds. Its fields are guarded by the dispatcher's lock.
 */
final class QueuedArticle implements Ticket {
    private final TranslationDispatcher dispatcher;
    private final Lane lane;
    final TextResult[] results;
    final CompletableFuture<List<TextResult>> result = new CompletableFuture<>();
    final List<TextJob> jobs = new ArrayList<>();
    int remaining;
    int priority;
    int permits;
    boolean finished;

    /** Per text split in pieces: the split, and the pieces' results until all are in. */
    private final Map<Integer, OversizedText> splits = new HashMap<>(0);
    private final Map<Integer, TextResult[]> pieceResults = new HashMap<>(0);

    QueuedArticle(TranslationDispatcher dispatcher, Lane lane, int size, int priority) {
        this.dispatcher = dispatcher;
        this.lane = lane;
        this.results = new TextResult[size];
        this.remaining = size;
        this.priority = priority;
    }

    /** Under the lock. */
    void split(int index, OversizedText split) {
        splits.put(index, split);
        pieceResults.put(index, new TextResult[split.pieces().size()]);
    }

    /**
     * Under the lock: records one text's (or piece's) result; true when that completed a text. A split text is
     * complete when all its pieces are, its translation their translations joined.
     */
    boolean accept(TextJob.Waiter waiter, TextResult result) {
        if (waiter.piece() < 0) {
            results[waiter.index()] = result;
            return true;
        }
        TextResult[] pieces = pieceResults.get(waiter.index());
        pieces[waiter.piece()] = result;
        for (TextResult piece : pieces) {
            if (piece == null) {
                return false;
            }
        }
        results[waiter.index()] = joined(splits.get(waiter.index()), pieces);
        return true;
    }

    private static TextResult joined(OversizedText split, TextResult[] pieces) {
        List<String> translations = new ArrayList<>(pieces.length);
        long billed = 0;
        boolean shared = true;
        List<UntranslatedSpan> spans = pieces[0].untranslatedSpans() == null ? null : new ArrayList<>();
        for (TextResult piece : pieces) {
            translations.add(piece.text());
            billed += piece.billedCharacters();
            shared &= piece.shared();
        }
        if (spans != null) {
            for (int p = 0; p < pieces.length; p++) {
                int offset = split.offsetOf(translations, p);
                for (UntranslatedSpan span : pieces[p].untranslatedSpans()) {
                    spans.add(new UntranslatedSpan(offset + span.offset(), span.text()));
                }
            }
        }
        return new TextResult(split.join(translations), pieces[0].engineModel(), pieces[0].detectedLanguage(), billed,
                shared, spans);
    }

    @Override
    public Lane lane() {
        return lane;
    }

    /**
     * Completes on a worker thread with one result per text, in order; or exceptionally with the
     * {@link TranslationException} that refused it, or a {@link CancellationException} after {@link #cancel()}.
     */
    @Override
    public CompletableFuture<List<TextResult>> result() {
        return result;
    }

    @Override
    public void boost(int urgency) {
        dispatcher.boost(this, urgency);
    }

    @Override
    public void cancel() {
        dispatcher.cancel(this);
    }

    @Override
    public int urgency() {
        return dispatcher.urgencyOf(this);
    }
}
