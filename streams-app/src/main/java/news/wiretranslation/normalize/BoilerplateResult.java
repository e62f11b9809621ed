package news.wiretranslation.normalize;

import java.util.List;

/**
 * An article's text after its boilerplate was cut.
 *
 * @param headline     the headline, without chrome (may be a promoted first paragraph)
 * @param paragraphs   the body paragraphs that are left, in order
 * @param rulesApplied {@code boilerplate:<name>} for each rule that removed something, once each, in the order
 *                     the rules were applied
 */
public record BoilerplateResult(String headline, List<String> paragraphs, List<String> rulesApplied) {
    public BoilerplateResult {
        paragraphs = List.copyOf(paragraphs);
        rulesApplied = List.copyOf(rulesApplied);
    }
}
