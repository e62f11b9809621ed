package news.wiretranslation.cli;

import org.apache.avro.specific.SpecificRecord;

/** Writes one record read by {@code tail} in one output format. */
interface RecordPrinter {

    /**
     * @param where the record's topic, partition and offset
     * @param value the decoded value: an Article, DeadLetter or RawArticle
     */
    void print(RecordPosition where, SpecificRecord value);
}
