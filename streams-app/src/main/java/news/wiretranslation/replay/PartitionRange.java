package news.wiretranslation.replay;

/** The offsets of one input partition a replay reprocesses: from {@code start} (inclusive) to {@code end} (exclusive). */
public record PartitionRange(int partition, long start, long end) {
    public PartitionRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("partition " + partition + ": offsets " + start + " to " + end + " are not a range");
        }
    }

    public long size() {
        return end - start;
    }

    public boolean contains(long offset) {
        return offset >= start && offset < end;
    }
}
