package news.wiretranslation.translate;

/**
 * The engine account's character quota for this billing period, as its usage endpoint reports it (DeepL's
 * {@code character_count} and {@code character_limit}).
 *
 * @param used  characters billed so far
 * @param limit characters the period allows
 */
public record CharacterQuota(long used, long limit) {
    /** Characters still billable in this period (0 when the limit is reached or passed). */
    public long remaining() {
        return Math.max(0, limit - used);
    }
}
