package news.wiretranslation.metrics;

/**
 * What one engine's translations cost: the price per million characters, and which characters it applies to. An engine
 * that bills by the character and reports it (DeepL) is paid for what it billed; one that does not (Apertium,
 * self-hosted) for what was sent to it, at its configured price (0 by default), so that its cost is never a silent 0
 * beside thousands of characters sent.
 *
 * @param engine          the engine's name, the {@code engine} tag ({@code deepl}, {@code apertium})
 * @param billsCharacters whether the engine reports billed characters ({@code Translator#billsCharacters})
 * @param perMillion      price per million characters, in the contract's currency
 */
public record EnginePrice(String engine, boolean billsCharacters, double perMillion) {
    public EnginePrice {
        if (!(perMillion >= 0) || Double.isInfinite(perMillion)) {
            throw new IllegalArgumentException("price per million characters must be 0 or more: " + perMillion);
        }
    }

    /** The characters paid for: billed where the engine bills, sent otherwise. */
    public long chargeable(long billed, long sent) {
        return billsCharacters ? billed : sent;
    }

    /** What {@code characters} cost at this price. */
    public double cost(long characters) {
        return characters * perMillion / 1_000_000d;
    }
}
