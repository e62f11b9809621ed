package news.wiretranslation.translate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.wiretranslation.glossary.ProtectedTerms;
import news.wiretranslation.glossary.Terminology;
import news.wiretranslation.glossary.TerminologyFiles;

/**
 * Keeps protected terms out of an engine that has no way to skip a span (Apertium): each text is cut at its protected
 * spans, the pieces between them are translated (all pieces of a request in one request, in order) and the text is
 * put together again around the untouched spans. The price: a sentence cut by a name is translated in two parts.
 * Pieces without a letter (spaces, punctuation) are not sent.
 *
 * <p>Glossaries are not applied (only DeepL has them); {@link #terminology()} holds the protected terms alone, so the
 * checks after translation do not expect glossary terms from this engine.
 */
public final class ProtectedTermsTranslator implements ForwardingTranslator {
    private final Translator delegate;
    private final TerminologyFiles files;
    private volatile Terminology terminology = Terminology.NONE;
    private volatile String protectedHash = "";

    public ProtectedTermsTranslator(Translator delegate, TerminologyFiles files) {
        this.delegate = delegate;
        this.files = new TerminologyFiles(java.util.Optional.empty(), files.protectedTermsFile());
    }

    @Override
    public Translator delegate() {
        return delegate;
    }

    @Override
    public String settings(String sourceLanguage, String targetLanguage) {
        String hash = protectedHash;
        return delegate.settings(sourceLanguage, targetLanguage) + (hash.isEmpty() ? "" : ",protected=" + hash);
    }

    @Override
    public Terminology terminology() {
        return terminology;
    }

    /** Reads the protected-terms file again, then prepares the engine. */
    @Override
    public void prepare() throws TranslationException {
        Terminology loaded = files.load();
        terminology = new Terminology(Map.of(), loaded.protectedTerms());
        protectedHash = loaded.protectedTerms().contentHash();
        delegate.prepare();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        ProtectedTerms terms = terminology.protectedTerms();
        List<List<Piece>> cut = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        boolean any = false;
        for (String text : request.texts()) {
            List<Piece> pieces = cut(text, terms.find(text));
            any |= pieces.size() > 1 || pieces.size() == 1 && pieces.get(0).kept;
            for (Piece piece : pieces) {
                if (piece.sent()) {
                    sent.add(piece.core);
                }
            }
            cut.add(pieces);
        }
        if (!any) {
            return delegate.translate(request);
        }
        TranslationResult result = sent.isEmpty()
                ? new TranslationResult(List.of(), delegate.engine(), null, null, 0)
                : delegate.translate(new TranslationRequest(request.sourceLanguage(), request.targetLanguage(), sent,
                        request.options()));
        List<String> texts = new ArrayList<>(request.texts().size());
        List<Long> billed = new ArrayList<>(request.texts().size());
        int next = 0;
        for (List<Piece> pieces : cut) {
            StringBuilder text = new StringBuilder();
            long bill = 0;
            for (Piece piece : pieces) {
                if (piece.sent()) {
                    bill += result.billedFor(next, sent);
                    text.append(piece.before).append(result.texts().get(next++)).append(piece.after);
                } else {
                    text.append(piece.before).append(piece.core).append(piece.after);
                }
            }
            texts.add(text.toString());
            billed.add(bill);
        }
        return new TranslationResult(texts, result.engine(), result.engineModel(), result.detectedSourceLanguage(),
                result.billedCharacters(), billed);
    }

    /** A stretch of a text: its core, the whitespace around it, and whether it is a protected span. */
    private record Piece(String before, String core, String after, boolean kept) {
        boolean sent() {
            return !kept && core.codePoints().anyMatch(Character::isLetter);
        }
    }

    private static List<Piece> cut(String text, List<ProtectedTerms.Span> spans) {
        List<Piece> pieces = new ArrayList<>();
        int at = 0;
        for (ProtectedTerms.Span span : spans) {
            addPiece(pieces, text.substring(at, span.start()));
            pieces.add(new Piece("", span.term(), "", true));
            at = span.end();
        }
        addPiece(pieces, text.substring(at));
        return pieces;
    }

    /** A stretch to translate, its outer whitespace kept aside (the engine takes texts without it). */
    private static void addPiece(List<Piece> pieces, String stretch) {
        if (stretch.isEmpty()) {
            return;
        }
        String core = stretch.strip();
        if (core.isEmpty()) {
            pieces.add(new Piece(stretch, "", "", false));
            return;
        }
        int start = stretch.indexOf(core);
        pieces.add(new Piece(stretch.substring(0, start), core, stretch.substring(start + core.length()), false));
    }
}
