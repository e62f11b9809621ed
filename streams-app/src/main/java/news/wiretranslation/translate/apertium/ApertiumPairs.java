package news.wiretranslation.translate.apertium;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The language pairs (translation directions) an Apertium installation offers, and routes through them.
 *
 * <p>Why routes: Apertium only has pairs that someone wrote, mostly between related languages. French→English has no
 * pair, but French→Spanish and Spanish→English do, so the translation pivots through Spanish. {@link #route} finds the
 * shortest chain (breadth-first, at most {@link #maxHops()} pairs). Among equally short chains it prefers pivots that
 * take part in more installed pairs: the hub language of an installation (Spanish, in Debian's packages) is the one
 * pairs were built around and tends to translate best - French→English via Spanish reads better than via Catalan.
 *
 * <p>Mode names are parsed like APY parses them: two language codes of two or three letters, each optionally with a
 * variant ({@code fr-es}, {@code spa-eng_US}, {@code eng-cat_valencia}). Other modes (e.g. {@code eco-fr-es}) are not
 * translation directions between two languages and are ignored. Codes are normalised with {@link LanguageCodes}, so
 * {@code spa-eng} is the pair {@code es}→{@code en}. When several modes serve the same direction, the one without
 * variant wins (then the shorter, then the alphabetically first name): {@code spa-eng} over {@code spa-eng_US}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApertiumPairs {

    /** Longest chain {@link #route} returns unless told otherwise: one pivot language. */
    public static final int DEFAULT_MAX_HOPS = 2;

    private static final String CODE = "[a-z]{2,3}(?:_[A-Za-z0-9]+)?";
    private static final Pattern MODE_NAME = Pattern.compile("(" + CODE + ")-(" + CODE + ")");
    private static final String MODE_FILE_SUFFIX = ".mode";

    /**
     * One installed translation direction.
     *
     * @param source source language, ISO 639-1 where one exists (see {@link LanguageCodes})
     * @param target target language, likewise
     * @param mode   the name the engine knows it by: the Apertium mode ({@code spa-eng}) or APY's pair
     *               ({@code spa-eng} for {@code spa|eng})
     */
    public record Pair(String source, String target, String mode) {

        /** Builds the pair a mode name stands for, if it is a translation direction between two languages. */
        public static Optional<Pair> fromModeName(String mode) {
            Matcher matcher = MODE_NAME.matcher(mode.strip());
            if (!matcher.matches()) {
                return Optional.empty();
            }
            String source = LanguageCodes.normalize(matcher.group(1));
            String target = LanguageCodes.normalize(matcher.group(2));
            if (source.equals(target)) {
                return Optional.empty(); // e.g. a variant converter such as por-por_BR: no translation
            }
            return Optional.of(new Pair(source, target, mode.strip()));
        }

        /** Whether the mode names a variant ({@code spa-eng_US}) rather than the pair's default. */
        boolean isVariant() {
            return mode.indexOf('_') >= 0;
        }

        @Override
        public String toString() {
            return mode;
        }
    }

    /** Default modes before variants, then the shorter name, then alphabetical order. */
    private static final Comparator<Pair> PREFERRED_MODE = Comparator.comparing(Pair::isVariant)
            .thenComparingInt(pair -> pair.mode().length())
            .thenComparing(Pair::mode);

    /** source → target → the preferred pair between them. */
    private final Map<String, Map<String, Pair>> bySource;
    private final Map<String, Integer> pairCountByLanguage;
    private final List<Pair> pairs;
    private final int maxHops;

    private ApertiumPairs(Collection<Pair> candidates, int maxHops) {
        if (maxHops < 1) {
            throw new IllegalArgumentException("maxHops must be at least 1, was " + maxHops);
        }
        Map<String, Map<String, Pair>> chosen = new TreeMap<>();
        for (Pair candidate : candidates) {
            chosen.computeIfAbsent(candidate.source(), s -> new TreeMap<>())
                    .merge(candidate.target(), candidate,
                            (a, b) -> PREFERRED_MODE.compare(a, b) <= 0 ? a : b);
        }
        List<Pair> all = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        chosen.values().forEach(targets -> targets.values().forEach(pair -> {
            all.add(pair);
            counts.merge(pair.source(), 1, Integer::sum);
            counts.merge(pair.target(), 1, Integer::sum);
        }));
        all.sort(Comparator.comparing(Pair::mode));
        this.bySource = Collections.unmodifiableMap(chosen);
        this.pairCountByLanguage = Map.copyOf(counts);
        this.pairs = List.copyOf(all);
        this.maxHops = maxHops;
    }

    /** The pairs behind these mode names (e.g. the lines of {@code apertium -l}); other names are ignored. */
    public static ApertiumPairs fromModeNames(Collection<String> modeNames) {
        List<Pair> candidates = new ArrayList<>();
        for (String name : modeNames) {
            Pair.fromModeName(name).ifPresent(candidates::add);
        }
        return new ApertiumPairs(candidates, DEFAULT_MAX_HOPS);
    }

    /** The pairs whose {@code *.mode} files lie in {@code modesDirectory} (e.g. {@code /usr/share/apertium/modes}). */
    public static ApertiumPairs fromModesDirectory(Path modesDirectory) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(modesDirectory, "*" + MODE_FILE_SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                names.add(fileName.substring(0, fileName.length() - MODE_FILE_SUFFIX.length()));
            }
        }
        return fromModeNames(names);
    }

    /** The same pairs, routed through at most {@code maxHops} of them. */
    public ApertiumPairs withMaxHops(int maxHops) {
        return new ApertiumPairs(pairs, maxHops);
    }

    public int maxHops() {
        return maxHops;
    }

    /** One pair per translation direction, by mode name. */
    public List<Pair> pairs() {
        return pairs;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    /**
     * The chain of pairs that translates {@code source} into {@code target}: the direct pair if installed, else the
     * shortest chain of at most {@link #maxHops()} pairs. Codes may be spelled any way {@link LanguageCodes} reads
     * ({@code fr}, {@code fra}, {@code EN-US}). Same source and target give an empty chain: nothing to translate.
     *
     * @return the pairs in order of use, or empty if no chain within {@link #maxHops()} exists
     */
    public Optional<List<Pair>> route(String source, String target) {
        String from = LanguageCodes.normalize(source);
        String to = LanguageCodes.normalize(target);
        if (from.equals(to)) {
            return Optional.of(List.of());
        }
        // Breadth-first search; each language's outgoing pairs are tried in order of preference, so the first chain
        // that reaches the target is the shortest and, among the shortest, the one through the preferred pivots.
        Map<String, Pair> reachedBy = new HashMap<>();
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        depth.put(from, 0);
        queue.add(from);
        while (!queue.isEmpty()) {
            String language = queue.poll();
            int hops = depth.get(language);
            if (hops == maxHops) {
                continue;
            }
            for (Pair pair : outgoingByPreference(language)) {
                if (depth.containsKey(pair.target())) {
                    continue;
                }
                depth.put(pair.target(), hops + 1);
                reachedBy.put(pair.target(), pair);
                if (pair.target().equals(to)) {
                    return Optional.of(chainTo(to, reachedBy));
                }
                queue.add(pair.target());
            }
        }
        return Optional.empty();
    }

    private List<Pair> outgoingByPreference(String language) {
        List<Pair> outgoing = new ArrayList<>(bySource.getOrDefault(language, Map.of()).values());
        outgoing.sort(Comparator.<Pair>comparingInt(pair -> -pairCountByLanguage.getOrDefault(pair.target(), 0))
                .thenComparing(Pair::target));
        return outgoing;
    }

    private static List<Pair> chainTo(String target, Map<String, Pair> reachedBy) {
        List<Pair> chain = new ArrayList<>();
        for (Pair pair = reachedBy.get(target); pair != null; pair = reachedBy.get(pair.source())) {
            chain.add(0, pair);
        }
        return List.copyOf(chain);
    }

    /** The mode names, comma-separated: what error messages show as the installed pairs. */
    @Override
    public String toString() {
        return pairs.isEmpty() ? "(none)" : pairs.stream().map(Pair::mode).collect(Collectors.joining(", "));
    }
}
