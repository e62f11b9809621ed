package news.wiretranslation.detect;

/**
 * Which of Lingua's two modes to run: a trade of memory and start-up time against accuracy on short text.
 *
 * <p>Measured with Lingua 1.2.2 for the 33 DeepL source languages on a shared 2-core machine: LOW loads in
 * about 0.8 s into about 35-45 MB of heap; HIGH loads in about 8-9 s into about 850 MB. A detection takes
 * 1-3 ms either way.
 *
 * <p>The modes differ only on texts shorter than 120 characters: for longer texts Lingua 1.2.2 uses its trigram
 * models alone even in HIGH mode, so a paragraph gets exactly the same answer and confidence from both. HIGH
 * pays off only when headlines or a few words must be classified on their own.
 */
public enum DetectionAccuracy {
    /** Lingua's low-accuracy mode: trigram models only. Fast to load and small; unreliable below 120 characters. */
    LOW,
    /** Lingua's default mode: n-gram models of length 1 to 5, used on texts below 120 characters. */
    HIGH
}
