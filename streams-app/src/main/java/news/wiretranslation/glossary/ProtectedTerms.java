package news.wiretranslation.glossary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spans never to translate: names of people and organisations, tickers, titles ("The Times", "NASDAQ:AAPL").
 *
 * <p>The file holds one term per line; blank lines and lines starting with {@code #} are ignored. A term matches
 * exactly (case and all) where it stands as a whole: not inside a longer word. Where terms overlap, the longer wins.
 *
 * @param source the file it came from, for messages; empty for none
 */
public record ProtectedTerms(List<String> terms, String source) {
    public static final ProtectedTerms NONE = new ProtectedTerms(List.of(), "");

    public ProtectedTerms {
        // Longest first: "The New York Times" before "New York".
        terms = terms.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(t -> t)).toList();
    }

    /** A protected span: {@code text.substring(start, end)} equals {@code term}. */
    public record Span(int start, int end, String term) {
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** 16 hex digits over the sorted terms; empty for no terms. Part of the settings fingerprint. */
    public String contentHash() {
        return terms.isEmpty() ? "" : Glossary.sha256Hex(String.join("\n", terms.stream().sorted().toList())).substring(0, 16);
    }

    /** The protected spans of {@code text}, in order, not overlapping. */
    public List<Span> find(String text) {
        if (terms.isEmpty()) {
            return List.of();
        }
        boolean[] taken = new boolean[text.length()];
        List<Span> spans = new ArrayList<>();
        for (String term : terms) {
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                int end = at + term.length();
                if (!standsAlone(text, at, end) || anyTaken(taken, at, end)) {
                    continue;
                }
                for (int i = at; i < end; i++) {
                    taken[i] = true;
                }
                spans.add(new Span(at, end, term));
            }
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return spans;
    }

    private static boolean standsAlone(String text, int start, int end) {
        boolean before = start == 0 || !Character.isLetterOrDigit(text.codePointBefore(start));
        boolean after = end >= text.length() || !Character.isLetterOrDigit(text.codePointAt(end));
        return before && after;
    }

    private static boolean anyTaken(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }

    /** Reads a protected-terms file; a bad line (a term with control characters, a duplicate) is an error naming it. */
    public static ProtectedTerms load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidTerminologyException(List.of(new GlossaryProblem(file.toString(), 0, "cannot read: " + e)));
        }
        return parse(file.toString(), lines);
    }

    static ProtectedTerms parse(String name, List<String> lines) {
        Set<String> terms = new LinkedHashSet<>();
        List<GlossaryProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(i).startsWith("\uFEFF") ? lines.get(i).substring(1) : lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String term = line.strip();
            String bad = GlossaryFiles.termProblem("protected", term);
            if (bad != null) {
                problems.add(new GlossaryProblem(name, i + 1, bad));
            } else if (!terms.add(term)) {
                problems.add(new GlossaryProblem(name, i + 1, "duplicate protected term '" + term + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTerminologyException(problems);
        }
        return new ProtectedTerms(new ArrayList<>(terms), name);
    }
}
