package news.wiretranslation.replay;

import java.io.PrintWriter;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.metrics.EnginePrice;

/**
 * What a replay will do, decided before anything is written: which input records it reprocesses for which target
 * languages, and what that costs, per language pair, in MT characters the translation memory already holds (or that
 * another article's request carries) and in characters to send to the engine, which bills them (DeepL) or not
 * (Apertium), at the engine's configured price. The dry run prints it; a replay instance runs it.
 */
public final class ReplayPlan {
    /**
     * One language pair's share: articles, and the characters of the texts to translate: found in the memory, shared
     * with another partition's article in flight (sent once, for the other), and to send.
     */
    public static final class PairEstimate {
        long articles;
        long texts;
        long memoryCharacters;
        long billedCharacters;
        long sharedCharacters;
        long billedAtMost;

        public long articles() {
            return articles;
        }

        /**
         * Characters the articles' labels will count as from the memory: those the memory holds, and those another
         * article's request carries. The labels count a text shared in flight as from memory; the plan once left it
         * out, which put the plan's figure below the replay's (1,558 planned, 1,855 counted).
         */
        public long memoryCharacters() {
            return memoryCharacters + sharedCharacters;
        }

        /** Characters to send to the engine: what DeepL bills; what Apertium translates for nothing. */
        public long billedCharacters() {
            return billedCharacters;
        }
    }

    /** Why records in the range are not reprocessed, and how many. */
    public static final class Skipped {
        long unreadable;
        long filteredOut;
        long superseded;
        long refused;
        long unchanged;
        long newerOutput;

        public long unreadable() {
            return unreadable;
        }

        public long filteredOut() {
            return filteredOut;
        }

        public long superseded() {
            return superseded;
        }

        public long refused() {
            return refused;
        }

        public long unchanged() {
            return unchanged;
        }

        public long newerOutput() {
            return newerOutput;
        }
    }

    private final List<PartitionRange> ranges;
    private final List<TargetLanguage> targets;
    private final EnginePrice price;
    private final Map<TargetLanguage, Map<Integer, BitSet>> selected = new HashMap<>();
    private final Map<String, PairEstimate> pairs = new TreeMap<>();
    final Skipped skipped = new Skipped();
    long recordsInRange;
    long articlesSelected;
    /** Per partition, the input's end when the plan was made: a record from there on arrived after it. */
    final Map<Integer, Long> inputEnds = new HashMap<>();

    /** @param price the replay's engine: whether it bills, and what it costs per million characters */
    ReplayPlan(List<PartitionRange> ranges, List<TargetLanguage> targets, EnginePrice price) {
        this.ranges = List.copyOf(ranges);
        this.targets = List.copyOf(targets);
        this.price = price;
        for (TargetLanguage target : targets) {
            selected.put(target, new HashMap<>());
        }
    }

    void select(TargetLanguage target, int partition, long offset) {
        long start = range(partition).start();
        selected.get(target).computeIfAbsent(partition, p -> new BitSet()).set(Math.toIntExact(offset - start));
    }

    PairEstimate pair(String sourceLanguage, TargetLanguage target) {
        return pairs.computeIfAbsent(sourceLanguage + " -> " + target.code(), p -> new PairEstimate());
    }

    private PartitionRange range(int partition) {
        return ranges.stream().filter(r -> r.partition() == partition).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no partition " + partition));
    }

    public List<PartitionRange> ranges() {
        return ranges;
    }

    public List<TargetLanguage> targets() {
        return targets;
    }

    public boolean selects(TargetLanguage target, int partition, long offset) {
        Map<Integer, BitSet> byPartition = selected.get(target);
        if (byPartition == null) {
            return false;
        }
        BitSet bits = byPartition.get(partition);
        if (bits == null) {
            return false;
        }
        long relative = offset - range(partition).start();
        return relative >= 0 && relative < Integer.MAX_VALUE && bits.get((int) relative);
    }

    public boolean selectsAny(int partition, long offset) {
        for (TargetLanguage target : targets) {
            if (selects(target, partition, offset)) {
                return true;
            }
        }
        return false;
    }

    /** Articles to write, summed over the target languages. */
    public long outputs() {
        return selected.values().stream().flatMap(m -> m.values().stream()).mapToLong(BitSet::cardinality).sum();
    }

    public long outputs(TargetLanguage target) {
        return selected.get(target).values().stream().mapToLong(BitSet::cardinality).sum();
    }

    public Map<String, PairEstimate> pairs() {
        return pairs;
    }

    /** Characters to send to the engine, summed over the pairs: billed by an engine that bills (DeepL). */
    public long billedCharacters() {
        return pairs.values().stream().mapToLong(p -> p.billedCharacters).sum();
    }

    /** Characters the labels will count as from the memory (held by it, or shared in flight), summed over the pairs. */
    public long memoryCharacters() {
        return pairs.values().stream().mapToLong(PairEstimate::memoryCharacters).sum();
    }

    public EnginePrice price() {
        return price;
    }

    /** What the characters to send cost at the engine's price (0 for an engine at price 0, whether it bills or not). */
    public double estimatedCost() {
        return price.cost(billedCharacters());
    }

    /** What would be billed if no text were shared by articles of different partitions in flight together. */
    public long billedAtMost() {
        return pairs.values().stream().mapToLong(p -> p.billedAtMost).sum();
    }

    public Skipped skipped() {
        return skipped;
    }

    public Map<Integer, Long> inputEnds() {
        return inputEnds;
    }

    public long recordsInRange() {
        return recordsInRange;
    }

    /**
     * The estimate's cost in words, for the engine the replay uses, e.g. {@code engine deepl: 44134 characters billed at
     * 25.00 per million, estimated cost 1.10} or {@code engine apertium (bills nothing): 44134 characters to send at
     * 0.00 per million, estimated cost 0.00}.
     */
    public String costLine() {
        return String.format(java.util.Locale.ROOT, "engine %s%s: %d characters %s at %.2f per million, estimated cost %.2f",
                price.engine(), price.billsCharacters() ? "" : " (bills nothing)", billedCharacters(),
                price.billsCharacters() ? "billed" : "to send", price.perMillion(), estimatedCost());
    }

    /** The dry run's report. */
    public void print(PrintWriter out) {
        out.println("input range (partition: first offset .. end, exclusive):");
        for (PartitionRange range : ranges) {
            out.printf("  %d: %d .. %d  (%d records)%n", range.partition(), range.start(), range.end(), range.size());
        }
        out.printf("records in range %d; reprocessed %d articles; skipped: %d outside --source/--id, %d superseded by a "
                        + "later revision, %d unreadable, %d refused before translation (dead-lettered already)%n",
                recordsInRange, articlesSelected, skipped.filteredOut, skipped.superseded, skipped.unreadable, skipped.refused);
        if (skipped.unchanged + skipped.newerOutput > 0) {
            out.printf("outputs left alone: %d already current (same revision, pipeline version and settings), "
                    + "%d with a later revision in the output%n", skipped.unchanged, skipped.newerOutput);
        }
        // The last column is what goes to the engine: "billed" where the engine bills for it, "to send" where it
        // does not (Apertium), never a "billed" that the engine will not bill.
        String sentColumn = price.billsCharacters() ? "billed" : "to send";
        out.printf("%-16s %9s %16s %16s %16s%n", "language pair", "articles", "MT characters", "from memory", sentColumn);
        for (Map.Entry<String, PairEstimate> entry : pairs.entrySet()) {
            PairEstimate pair = entry.getValue();
            out.printf("%-16s %9d %16d %16d %16d%n", entry.getKey(), pair.articles,
                    pair.memoryCharacters() + pair.billedCharacters, pair.memoryCharacters(), pair.billedCharacters);
        }
        out.printf("%-16s %9d %16d %16d %16d%n", "total", outputs(), memoryCharacters() + billedCharacters(),
                memoryCharacters(), billedCharacters());
        if (billedAtMost() > billedCharacters()) {
            out.printf("%s counts a text that articles of several partitions need once (they are queued together; the "
                    + "others count it from memory); if none were in flight together: %d%n", sentColumn, billedAtMost());
        }
        out.println(costLine());
        for (TargetLanguage target : targets) {
            out.printf("  %s: %d articles to write%n", target.code(), outputs(target));
        }
        out.flush();
    }
}
