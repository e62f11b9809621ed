package news.wiretranslation.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The boilerplate rules that apply to one source, grouped by kind, and the cuts they make.
 *
 * <p>The cuts run in the order the chrome sits on a page, each kind over the text the previous kinds left:
 * <ol>
 *   <li>{@link RuleKind#DROP_LINE}: while the headline is chrome, the first body paragraph replaces it; then
 *       leading body paragraphs that are chrome are dropped.</li>
 *   <li>{@link RuleKind#STRIP_HEADLINE_SUFFIX}: each rule removes its suffix from the (possibly promoted)
 *       headline, unless that would leave no headline at all.</li>
 *   <li>{@link RuleKind#DROP_FROM}: the body is cut at the first paragraph any such rule matches in full.</li>
 *   <li>{@link RuleKind#DROP_PARAGRAPH}: the remaining paragraphs that a rule matches in full are dropped.</li>
 * </ol>
 * Within a kind, rules are tried in file order and the first one that matches a text cuts it. A rule is reported
 * once, when it first cuts something, however many paragraphs it removes.
 *
 * <p>Immutable and thread-safe.
 */
final class SourceRules {

    private final List<BoilerplateRule> dropLine;
    private final List<BoilerplateRule> stripHeadlineSuffix;
    private final List<BoilerplateRule> dropFrom;
    private final List<BoilerplateRule> dropParagraph;

    SourceRules(List<BoilerplateRule> rules) {
        this.dropLine = ofKind(rules, RuleKind.DROP_LINE);
        this.stripHeadlineSuffix = ofKind(rules, RuleKind.STRIP_HEADLINE_SUFFIX);
        this.dropFrom = ofKind(rules, RuleKind.DROP_FROM);
        this.dropParagraph = ofKind(rules, RuleKind.DROP_PARAGRAPH);
    }

    private static List<BoilerplateRule> ofKind(List<BoilerplateRule> rules, RuleKind kind) {
        return rules.stream().filter(rule -> rule.kind() == kind).toList();
    }

    boolean isEmpty() {
        return dropLine.isEmpty() && stripHeadlineSuffix.isEmpty() && dropFrom.isEmpty() && dropParagraph.isEmpty();
    }

    BoilerplateResult apply(String headline, List<String> paragraphs) {
        if (isEmpty()) {
            return new BoilerplateResult(headline, paragraphs, List.of());
        }
        Set<String> fired = new LinkedHashSet<>();
        List<String> body = new ArrayList<>(paragraphs);
        String cleanHeadline = dropLeadingLines(headline, body, fired);
        cleanHeadline = stripSuffixes(cleanHeadline, fired);
        dropTail(body, fired);
        dropParagraphs(body, fired);
        return new BoilerplateResult(cleanHeadline, body, List.copyOf(fired));
    }

    private String dropLeadingLines(String headline, List<String> body, Set<String> fired) {
        String current = headline;
        BoilerplateRule rule;
        while (!current.isEmpty() && (rule = firstMatching(dropLine, current)) != null) {
            fired.add(rule.reportedName());
            current = body.isEmpty() ? "" : body.remove(0);
        }
        while (!body.isEmpty() && (rule = firstMatching(dropLine, body.get(0))) != null) {
            fired.add(rule.reportedName());
            body.remove(0);
        }
        return current;
    }

    private String stripSuffixes(String headline, Set<String> fired) {
        String current = headline;
        for (BoilerplateRule rule : stripHeadlineSuffix) {
            String stripped = stripSuffix(rule, current);
            if (!stripped.equals(current)) {
                fired.add(rule.reportedName());
                current = stripped;
            }
        }
        return current;
    }

    /** Removes the longest suffix the rule matches; a suffix that is the whole headline is left alone. */
    private static String stripSuffix(BoilerplateRule rule, String headline) {
        Matcher matcher = rule.pattern().matcher(headline);
        for (int start = 1; start < headline.length(); start++) {
            matcher.region(start, headline.length());
            if (matcher.matches()) {
                String rest = TextCleaner.clean(headline.substring(0, start));
                return rest.isEmpty() ? headline : rest;
            }
        }
        return headline;
    }

    private void dropTail(List<String> body, Set<String> fired) {
        for (int i = 0; i < body.size(); i++) {
            BoilerplateRule rule = firstMatching(dropFrom, body.get(i));
            if (rule != null) {
                fired.add(rule.reportedName());
                body.subList(i, body.size()).clear();
                return;
            }
        }
    }

    private void dropParagraphs(List<String> body, Set<String> fired) {
        body.removeIf(paragraph -> {
            BoilerplateRule rule = firstMatching(dropParagraph, paragraph);
            if (rule != null) {
                fired.add(rule.reportedName());
            }
            return rule != null;
        });
    }

    private static BoilerplateRule firstMatching(List<BoilerplateRule> rules, String text) {
        for (BoilerplateRule rule : rules) {
            if (rule.matchesFully(text)) {
                return rule;
            }
        }
        return null;
    }
}
