package news.wiretranslation.cli;

/** Where a record was read: shown with each record so that a reader can find it again (e.g. to replay it). */
record RecordPosition(String topic, int partition, long offset) {
    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
