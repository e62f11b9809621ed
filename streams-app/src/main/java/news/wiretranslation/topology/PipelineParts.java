package news.wiretranslation.topology;

import java.util.List;
import java.util.Optional;

import news.wiretranslation.metrics.PipelineMetrics;

/**
 * What the topology is built from, assembled by the service ({@code news.wiretranslation.service.Pipeline}): the steps
 * before translation, one {@link ArticleTranslation} per target language in the configured order, the translate
 * step they share, the meters, and, for a replay instance, what it reprocesses.
 */
public record PipelineParts(ArticlePreparation preparation, List<ArticleTranslation> targets, TranslateStep translateStep,
                            PipelineMetrics metrics, Optional<ReplaySelection> replay) {
}
