package news.wiretranslation.glossary;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads glossary files: one per language pair, named after it ({@code fr-en.tsv}, {@code de-en.csv}), in a directory.
 *
 * <p>Formats: TSV, {@code source<TAB>target} per line; CSV, {@code source,target} per line, fields optionally in
 * double quotes ({@code "Kiev, Ukraine","Kyiv, Ukraine"}; {@code ""} for a quote inside). Blank lines and lines
 * starting with {@code #} are ignored. Every problem is reported with its line: a field missing or too many, an empty
 * term, a term with leading or trailing spaces or control characters (DeepL refuses them), a source term given twice,
 * a pair DeepL has no glossaries for.
 */
public final class GlossaryFiles {
    private GlossaryFiles() {
    }

    /** The result of reading one file: the glossary and what is wrong with it. */
    public record Reading(Glossary glossary, List<GlossaryProblem> problems) {
        public Reading {
            problems = List.copyOf(problems);
        }
    }

    /** Every glossary of {@code dir}, by pair; throws with every problem found when any file is bad. */
    public static Map<LanguagePair, Glossary> loadDirectory(Path dir) {
        List<Reading> readings = readDirectory(dir);
        List<GlossaryProblem> problems = readings.stream().flatMap(r -> r.problems().stream()).toList();
        if (!problems.isEmpty()) {
            throw new InvalidTerminologyException(problems);
        }
        Map<LanguagePair, Glossary> glossaries = new TreeMap<>(java.util.Comparator.comparing(LanguagePair::toString));
        readings.forEach(r -> glossaries.put(r.glossary().pair(), r.glossary()));
        return glossaries;
    }

    /** Reads every {@code .tsv} and {@code .csv} file of {@code dir}, in name order, with their problems. */
    public static List<Reading> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of(new Reading(null, List.of(new GlossaryProblem(dir.toString(), 0, "not a directory"))));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".tsv") || name.endsWith(".csv");
            }).sorted().toList();
        } catch (IOException e) {
            return List.of(new Reading(null, List.of(new GlossaryProblem(dir.toString(), 0, "cannot list: " + e.getMessage()))));
        }
        List<Reading> readings = new ArrayList<>();
        Map<LanguagePair, Path> seen = new HashMap<>();
        for (Path file : files) {
            Reading reading = read(file);
            if (reading.glossary() != null) {
                Path other = seen.putIfAbsent(reading.glossary().pair(), file);
                if (other != null) {
                    List<GlossaryProblem> problems = new ArrayList<>(reading.problems());
                    problems.add(new GlossaryProblem(file.toString(), 0, "a second glossary for "
                            + reading.glossary().pair() + " (the first is " + other.getFileName() + ")"));
                    reading = new Reading(reading.glossary(), problems);
                }
            }
            readings.add(reading);
        }
        return readings;
    }

    /** Reads one glossary file; the pair comes from its name. */
    public static Reading read(Path file) {
        String name = file.toString();
        LanguagePair pair = LanguagePair.fromFileName(file.getFileName().toString());
        if (pair == null) {
            return new Reading(null, List.of(new GlossaryProblem(name, 0,
                    "the name must be <source>-<target>.tsv or .csv with ISO 639-1 codes, e.g. fr-en.tsv")));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return new Reading(null, List.of(new GlossaryProblem(name, 0, "not UTF-8 text")));
        } catch (IOException e) {
            return new Reading(null, List.of(new GlossaryProblem(name, 0, "cannot read: " + e.getMessage())));
        }
        return parse(name, pair, text, name.toLowerCase(Locale.ROOT).endsWith(".csv"));
    }

    /** Parses a glossary's text: TSV, or CSV when {@code csv}. */
    public static Reading parse(String name, LanguagePair pair, String text, boolean csv) {
        List<GlossaryProblem> problems = new ArrayList<>();
        String refusal = GlossaryLanguages.refusal(pair);
        if (refusal != null) {
            problems.add(new GlossaryProblem(name, 0, "pair " + pair + ": " + refusal));
        }
        List<GlossaryEntry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            List<String> fields;
            try {
                fields = csv ? csvFields(line) : List.of(line.split("\t", -1));
            } catch (IllegalArgumentException e) {
                problems.add(new GlossaryProblem(name, lineNumber, e.getMessage()));
                continue;
            }
            if (fields.size() != 2) {
                problems.add(new GlossaryProblem(name, lineNumber, "expected 2 fields (source" + (csv ? "," : "<TAB>")
                        + "target), found " + fields.size()));
                continue;
            }
            String source = fields.get(0);
            String target = fields.get(1);
            String bad = termProblem("source", source);
            if (bad == null) {
                bad = termProblem("target", target);
            }
            if (bad != null) {
                problems.add(new GlossaryProblem(name, lineNumber, bad));
                continue;
            }
            Integer before = firstLine.putIfAbsent(source, lineNumber);
            if (before != null) {
                problems.add(new GlossaryProblem(name, lineNumber, "duplicate source term '" + source
                        + "' (first on line " + before + ")"));
                continue;
            }
            entries.add(new GlossaryEntry(source, target, lineNumber));
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new GlossaryProblem(name, 0, "no entries"));
        }
        return new Reading(new Glossary(pair, entries, name), problems);
    }

    /** Why DeepL would refuse this term, or null. */
    static String termProblem(String which, String term) {
        if (term.isEmpty()) {
            return "empty " + which + " term";
        }
        if (!term.equals(term.strip())) {
            return which + " term '" + term + "' starts or ends with a space";
        }
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return which + " term '" + term.replaceAll("\\p{Cntrl}", "?") + "' contains a control character (U+"
                        + String.format("%04X", (int) c) + ")";
            }
        }
        return null;
    }

    /** The fields of one CSV line (RFC 4180 quoting, no line breaks inside fields). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated quoted field");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote");
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
