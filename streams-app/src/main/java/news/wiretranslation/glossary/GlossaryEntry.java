package news.wiretranslation.glossary;

/**
 * One line of a glossary: the source term and the term the translation must use.
 *
 * @param line the line of the file it came from (1-based), for messages
 */
public record GlossaryEntry(String source, String target, int line) {
}
