package news.wiretranslation.translate.deepl;

import com.deepl.api.DeepLClient;
import com.deepl.api.DeepLException;
import com.deepl.api.GlossaryEntries;
import com.deepl.api.MultilingualGlossaryDictionaryEntries;
import com.deepl.api.MultilingualGlossaryDictionaryInfo;
import com.deepl.api.MultilingualGlossaryInfo;
import news.wiretranslation.glossary.Glossary;
import news.wiretranslation.glossary.LanguagePair;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps DeepL's glossaries in line with the glossary files, through deepl-java's multilingual (v3) glossary calls:
 * one DeepL glossary per language pair, named {@code <prefix> <pair> <content hash>} (the prefix is the application
 * id, so that several deployments can share an account).
 *
 * <p>A sync lists the account's glossaries; for each file it reuses a glossary whose name carries the same content
 * hash (and whose entry count agrees), or creates one; then it deletes every other glossary of the prefix: those a
 * new one replaced, duplicates, and those of pairs no longer configured. Nothing else in the account is touched.
 */
public final class DeepLGlossaries {

    private DeepLGlossaries() {
    }

    /** A glossary in use: the id every request for the pair carries. */
    public record Active(LanguagePair pair, String glossaryId, String contentHash, int entries) {
    }

    /** What a sync did (or, dry, would do). */
    public enum Action { CREATED, REUSED, DELETED }

    /**
     * One step of a sync.
     *
     * @param diff for a created glossary, how its entries differ from the one it replaces ({@code + a -> b},
     *             {@code - a -> b}, {@code ~ a -> b (was c)}); empty otherwise
     */
    public record Change(Action action, LanguagePair pair, String glossaryId, String name, long entries, List<String> diff) {
    }

    public record Report(Map<LanguagePair, Active> active, List<Change> changes) {
        public long count(Action action) {
            return changes.stream().filter(c -> c.action() == action).count();
        }
    }

    /** A glossary of the account that this prefix owns, with what its name says. */
    public record Owned(MultilingualGlossaryInfo info, LanguagePair pair, String contentHash) {
        public long entryCount() {
            return info.getDictionaries() == null ? -1 : info.getDictionaries().stream()
                    .filter(d -> pair.source().equalsIgnoreCase(d.getSourceLanguageCode())
                            && pair.target().equalsIgnoreCase(d.getTargetLanguageCode()))
                    .mapToLong(MultilingualGlossaryDictionaryInfo::getEntryCount).findFirst().orElse(-1);
        }
    }

    static String name(String prefix, Glossary glossary) {
        return prefix + " " + glossary.pair() + " " + glossary.contentHash();
    }

    /** The account's glossaries named by this prefix, oldest first. */
    static List<Owned> owned(DeepLClient client, String prefix) throws DeepLException, InterruptedException {
        List<Owned> owned = new ArrayList<>();
        for (MultilingualGlossaryInfo info : client.listMultilingualGlossaries()) {
            String name = info.getName();
            if (name == null || !name.startsWith(prefix + " ")) {
                continue;
            }
            String[] parts = name.substring(prefix.length() + 1).split(" ");
            String[] languages = parts.length == 2 ? parts[0].split("-") : new String[0];
            if (languages.length == 2) {
                owned.add(new Owned(info, new LanguagePair(languages[0], languages[1]), parts[1]));
            }
        }
        owned.sort(Comparator.comparing((Owned o) -> Optional.ofNullable(o.info().getCreationTime()).orElse(new Date(0)))
                .thenComparing(o -> o.info().getGlossaryId()));
        return owned;
    }

    /**
     * Brings the account in line with {@code wanted}.
     *
     * @param apply false for a dry run: nothing is created or deleted, the report says what would be
     */
    static Report sync(DeepLClient client, String prefix, Map<LanguagePair, Glossary> wanted, boolean apply)
            throws DeepLException, InterruptedException {
        List<Owned> owned = owned(client, prefix);
        Map<LanguagePair, Active> active = new TreeMap<>(Comparator.comparing(LanguagePair::toString));
        List<Change> changes = new ArrayList<>();
        List<Owned> kept = new ArrayList<>();
        for (Glossary glossary : wanted.values()) {
            LanguagePair pair = glossary.pair();
            String hash = glossary.contentHash();
            Optional<Owned> same = owned.stream().filter(o -> o.pair().equals(pair) && o.contentHash().equals(hash)
                    && o.entryCount() == glossary.entries().size()).findFirst();
            if (same.isPresent()) {
                kept.add(same.get());
                active.put(pair, new Active(pair, same.get().info().getGlossaryId(), hash, glossary.entries().size()));
                changes.add(new Change(Action.REUSED, pair, same.get().info().getGlossaryId(), same.get().info().getName(),
                        glossary.entries().size(), List.of()));
                continue;
            }
            Optional<Owned> previous = owned.stream().filter(o -> o.pair().equals(pair)).reduce((a, b) -> b);
            Map<String, String> before = previous.isPresent()
                    ? entries(client, previous.get()) : Map.of();
            List<String> diff = diff(before, glossary.terms());
            String name = name(prefix, glossary);
            String id = null;
            if (apply) {
                MultilingualGlossaryInfo created = client.createMultilingualGlossary(name, List.of(
                        new MultilingualGlossaryDictionaryEntries(pair.source(), pair.target(),
                                new GlossaryEntries(glossary.terms()))));
                id = created.getGlossaryId();
                active.put(pair, new Active(pair, id, hash, glossary.entries().size()));
            }
            changes.add(new Change(Action.CREATED, pair, id, name, glossary.entries().size(), diff));
        }
        for (Owned o : owned) {
            if (kept.contains(o)) {
                continue;
            }
            if (apply) {
                client.deleteMultilingualGlossary(o.info().getGlossaryId());
            }
            changes.add(new Change(Action.DELETED, o.pair(), o.info().getGlossaryId(), o.info().getName(),
                    o.entryCount(), List.of()));
        }
        return new Report(active, changes);
    }

    private static Map<String, String> entries(DeepLClient client, Owned owned) throws DeepLException, InterruptedException {
        try {
            return new LinkedHashMap<>(client.getMultilingualGlossaryDictionaryEntries(owned.info().getGlossaryId(),
                    owned.pair().source(), owned.pair().target()).getEntries());
        } catch (DeepLException e) {
            boolean gone = e instanceof com.deepl.api.NotFoundException
                    || e instanceof StatusReportingDeepLClient.HttpStatusException status && status.status() == 404;
            if (gone) {
                return Map.of(); // deleted meanwhile: everything is new
            }
            throw e;
        }
    }

    /** Entry by entry, what {@code after} changes in {@code before}, sorted by source term. */
    static List<String> diff(Map<String, String> before, Map<String, String> after) {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(after).forEach((source, target) -> {
            String old = before.get(source);
            if (old == null) {
                lines.add("+ " + source + " -> " + target);
            } else if (!old.equals(target)) {
                lines.add("~ " + source + " -> " + target + " (was " + old + ")");
            }
        });
        new TreeMap<>(before).forEach((source, target) -> {
            if (!after.containsKey(source)) {
                lines.add("- " + source + " -> " + target);
            }
        });
        return lines;
    }
}
