/**
 * The DeepL backend of the {@link news.wiretranslation.translate.Translator} SPI, on the official deepl-java client.
 *
 * <p>{@link news.wiretranslation.translate.deepl.DeepLTranslator} is the entry point, configured by
 * {@link news.wiretranslation.translate.deepl.DeepLSettings}. The package-private classes each do one job: splitting
 * texts to DeepL's per-request limits ({@code RequestChunker}), recovering the HTTP status deepl-java hides
 * ({@code StatusReportingDeepLClient}) and classifying failures without leaking the key ({@code DeepLFailures}).
 */
package news.wiretranslation.translate.deepl;
