/**
 * The Apertium backend of the {@link news.wiretranslation.translate.Translator} SPI: rule-based, offline machine
 * translation with no per-character cost, for related languages (French, Spanish, Catalan, Portuguese, Italian,
 * English in Debian's packages).
 *
 * <p>Two entry points reach the same engine: {@link news.wiretranslation.translate.apertium.ApertiumCliTranslator}
 * runs the local {@code apertium} command (configured by
 * {@link news.wiretranslation.translate.apertium.ApertiumCliSettings}), and
 * {@link news.wiretranslation.translate.apertium.ApertiumApyTranslator} calls an Apertium-APY server (configured by
 * {@link news.wiretranslation.translate.apertium.ApertiumApySettings}). Both find routes, pivoting where Apertium has
 * no direct pair, with {@link news.wiretranslation.translate.apertium.ApertiumPairs}, which reads every spelling of a
 * language code through {@link news.wiretranslation.translate.apertium.LanguageCodes}. The package-private classes
 * each do one job: running a route hop by hop ({@code RoutedTranslation}), batching texts into one Apertium input
 * ({@code ParagraphBatch}), running a process with a deadline ({@code ProcessRunner}) and talking HTTP to APY
 * ({@code ApyClient}).
 */
package news.wiretranslation.translate.apertium;
