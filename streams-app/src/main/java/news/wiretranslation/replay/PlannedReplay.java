package news.wiretranslation.replay;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import news.wiretranslation.avro.Article;
import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.topology.ReplaySelection;

/** A plan as the replay instance's topology sees it, counting what the instance writes. Thread-safe. */
final class PlannedReplay implements ReplaySelection {
    private final ReplayPlan plan;
    private final String replayId;
    private final Map<TargetLanguage, LongAdder> written = new ConcurrentHashMap<>();
    private final LongAdder billedCharacters = new LongAdder();
    private final LongAdder memoryCharacters = new LongAdder();
    private final LongAdder leftOut = new LongAdder();
    private final Set<String> revised = ConcurrentHashMap.newKeySet();

    private final Set<TargetLanguage> liveTargets;

    /**
     * @param liveTargets the live service's targets: only for those does a live revision overtake the replay's; for a
     *                    language the live service does not (yet) write, the replay's output is the only one
     */
    PlannedReplay(ReplayPlan plan, String replayId, Set<TargetLanguage> liveTargets) {
        this.plan = plan;
        this.replayId = replayId;
        this.liveTargets = Set.copyOf(liveTargets);
    }

    @Override
    public boolean selectsAny(int partition, long offset) {
        return plan.selectsAny(partition, offset);
    }

    @Override
    public boolean selects(TargetLanguage target, int partition, long offset) {
        return plan.selects(target, partition, offset);
    }

    @Override
    public String replayId() {
        return replayId;
    }

    /** An article revised on the input after the plan was made: its replayed output is left out. */
    void revised(String articleId) {
        revised.add(articleId);
    }

    @Override
    public boolean write(TargetLanguage target, Article article) {
        if (liveTargets.contains(target) && revised.contains(article.getId())) {
            leftOut.increment();
            return false;
        }
        written.computeIfAbsent(target, t -> new LongAdder()).increment();
        if (article.getTranslation() != null) {
            billedCharacters.add(article.getTranslation().getBilledCharacters());
            memoryCharacters.add(article.getTranslation().getMemoryCharacters());
        }
        return true;
    }

    /** Outputs left out because their article was revised while the replay ran. */
    long leftOut() {
        return leftOut.sum();
    }

    long written() {
        return written.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long written(TargetLanguage target) {
        LongAdder count = written.get(target);
        return count == null ? 0 : count.sum();
    }

    long billedCharacters() {
        return billedCharacters.sum();
    }

    long memoryCharacters() {
        return memoryCharacters.sum();
    }
}
