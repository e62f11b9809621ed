/**
 * The machine-translation fault policy: what the pipeline does when the engine fails, per kind of failure.
 *
 * <p>{@link news.wiretranslation.translate.fault.EngineGuard} is the policy, one per instance: it counts every
 * failure by kind ({@code wire_translation_mt_errors}), opens a {@link news.wiretranslation.translate.fault.CircuitBreaker}
 * after sustained failure, pauses on an exhausted quota, probes the engine until it takes work again, and sets the
 * instance's {@link news.wiretranslation.translate.EngineState}; the service pauses consumption meanwhile.
 * {@link news.wiretranslation.translate.fault.Backoff} computes waits between attempts (exponential, with jitter,
 * honouring {@code Retry-After}).
 */
package news.wiretranslation.translate.fault;
