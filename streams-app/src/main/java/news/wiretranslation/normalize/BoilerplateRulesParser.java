package news.wiretranslation.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the text of a rules file into rules, checking every line.
 *
 * <p>Format, one rule per line: {@code name<TAB>sources<TAB>kind<TAB>pattern}. Fields are separated by one or more
 * tabs, so columns can be aligned; surrounding spaces are ignored. Lines whose first visible character is
 * {@code #} are comments and blank lines are ignored ({@code #} elsewhere is part of the line, since a regex may
 * need it). Names are unique, made of letters, digits, {@code .}, {@code _} and {@code -}. Sources are {@code *} or
 * a comma-separated list of source names or globs. The kind is one of {@link RuleKind#fileName()}. The pattern is
 * a Java regex.
 *
 * <p>The first bad line stops the parse with an {@link InvalidRulesException} naming the origin, the line number
 * and the problem.
 */
final class BoilerplateRulesParser {

    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\t+");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\r\n]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String origin;
    private final List<BoilerplateRule> rules = new ArrayList<>();
    private final Map<String, Integer> lineOfName = new HashMap<>();

    private BoilerplateRulesParser(String origin) {
        this.origin = origin;
    }

    static List<BoilerplateRule> parse(String text, String origin) {
        BoilerplateRulesParser parser = new BoilerplateRulesParser(origin);
        String[] lines = LINE_BREAK.split(text.startsWith("\uFEFF") ? text.substring(1) : text, -1);
        for (int i = 0; i < lines.length; i++) {
            parser.parseLine(lines[i], i + 1);
        }
        return List.copyOf(parser.rules);
    }

    private void parseLine(String line, int lineNumber) {
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
            return;
        }
        String[] fields = FIELD_SEPARATOR.split(content, -1);
        if (fields.length != 4) {
            throw error(lineNumber, "expected 4 tab-separated fields (name, sources, kind, pattern) but found "
                    + fields.length + (fields.length == 1 ? " (are the tabs spaces?)" : ""));
        }
        String name = name(fields[0].strip(), lineNumber);
        List<SourceGlob> sources = sources(fields[1].strip(), lineNumber);
        RuleKind kind = RuleKind.fromFileName(fields[2].strip()).orElseThrow(() -> error(lineNumber,
                "unknown kind '" + fields[2].strip() + "' (expected one of " + RuleKind.fileNames() + ")"));
        Pattern pattern = pattern(name, fields[3].strip(), lineNumber);
        lineOfName.put(name, lineNumber);
        rules.add(new BoilerplateRule(name, sources, kind, pattern));
    }

    private String name(String name, int lineNumber) {
        if (!NAME.matcher(name).matches()) {
            throw error(lineNumber, "invalid rule name '" + name
                    + "' (use letters, digits, '.', '_' and '-', starting with a letter or digit)");
        }
        Integer previous = lineOfName.get(name);
        if (previous != null) {
            throw error(lineNumber, "duplicate rule name '" + name + "' (already defined on line " + previous + ")");
        }
        return name;
    }

    private List<SourceGlob> sources(String field, int lineNumber) {
        List<SourceGlob> globs = new ArrayList<>();
        for (String entry : field.split(",", -1)) {
            try {
                globs.add(SourceGlob.of(entry.strip()));
            } catch (IllegalArgumentException e) {
                throw error(lineNumber, "invalid sources '" + field + "': " + e.getMessage());
            }
        }
        return globs;
    }

    private Pattern pattern(String name, String regex, int lineNumber) {
        try {
            return Pattern.compile(regex, BoilerplateRule.FLAGS);
        } catch (PatternSyntaxException e) {
            throw error(lineNumber, "invalid regex for rule '" + name + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + " in '" + regex + "'");
        }
    }

    private InvalidRulesException error(int lineNumber, String problem) {
        return new InvalidRulesException(origin, lineNumber, problem);
    }
}
