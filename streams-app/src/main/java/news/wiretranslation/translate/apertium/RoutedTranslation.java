package news.wiretranslation.translate.apertium;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationException.Kind;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.apertium.ApertiumPairs.Pair;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What both Apertium backends do around the engine itself: find the route for a request, send the texts through
 * each hop in turn and put the result together. Kept in one place so that the command-line and the APY backend
 * route, reject and report alike.
 *
 * <p>Only the non-blank core of each text is sent: blank texts come back unchanged, and the whitespace around a
 * text is kept as it was (Apertium would not translate it, and batching would lose it).
 */
final class RoutedTranslation {

    /** Translates texts (non-blank, without outer whitespace) along one pair; returns one text per input, in order. */
    @FunctionalInterface
    interface Hop {
        List<String> translate(Pair pair, List<String> texts) throws TranslationException;
    }

    private RoutedTranslation() {
    }

    /**
     * The route for {@code request}.
     *
     * @throws TranslationException REJECTED if there is none, or if source and target are the same language
     */
    static List<Pair> route(TranslationRequest request, ApertiumPairs pairs) throws TranslationException {
        String source = LanguageCodes.normalize(request.sourceLanguage());
        String target = LanguageCodes.normalize(request.targetLanguage());
        List<Pair> route = pairs.route(source, target).orElseThrow(() -> TranslationException.unsupportedPair(
                request.sourceLanguage(), request.targetLanguage(), "Apertium cannot translate "
                        + request.sourceLanguage() + " -> " + request.targetLanguage() + " (" + source + " -> " + target + "): no installed pair or chain of at most " + pairs.maxHops()
                        + " pairs leads there; installed pairs: " + pairs));
        if (route.isEmpty()) {
            throw new TranslationException(Kind.REJECTED, "source and target are the same language (" + source
                    + ", requested " + request.sourceLanguage() + " -> " + request.targetLanguage()
                    + "): nothing to translate");
        }
        return route;
    }

    /**
     * Translates {@code request} along {@code route} with {@code hop}.
     *
     * @param engineVersion appended to the route in the result's engine model, e.g. {@code Apertium 3.8.3}; or null
     */
    static TranslationResult translate(TranslationRequest request, List<Pair> route, String engine,
                                       String engineVersion, Hop hop) throws TranslationException {
        List<String> texts = request.texts();
        List<Integer> positions = new ArrayList<>();
        List<String> cores = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) {
                positions.add(i);
                cores.add(texts.get(i).strip());
            }
        }
        for (Pair pair : route) {
            if (cores.isEmpty()) {
                break;
            }
            List<String> translated = hop.translate(pair, cores);
            if (translated.size() != cores.size()) {
                throw new TranslationException(Kind.SERVER_ERROR, "Apertium " + pair.mode() + " returned "
                        + translated.size() + " texts for " + cores.size());
            }
            cores = translated;
        }
        List<String> result = new ArrayList<>(texts);
        for (int c = 0; c < cores.size(); c++) {
            String original = texts.get(positions.get(c));
            result.set(positions.get(c), leadingWhitespace(original) + cores.get(c) + trailingWhitespace(original));
        }
        return new TranslationResult(result, engine, engineModel(route, engineVersion), null, 0);
    }

    /** The route as the result reports it: {@code fr-es>spa-eng (Apertium 3.8.3)}. */
    static String engineModel(List<Pair> route, String engineVersion) {
        String chain = route.stream().map(Pair::mode).collect(Collectors.joining(">"));
        return engineVersion == null ? chain : chain + " (" + engineVersion + ")";
    }

    private static String leadingWhitespace(String text) {
        return text.substring(0, text.length() - text.stripLeading().length());
    }

    private static String trailingWhitespace(String text) {
        return text.substring(text.stripTrailing().length());
    }
}
