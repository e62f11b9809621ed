package news.wiretranslation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import news.wiretranslation.config.TargetLanguage;
import news.wiretranslation.metrics.EnginePrice;
import org.junit.jupiter.api.Test;

class ReplayPlanTest {
    private static final TargetLanguage FR = TargetLanguage.parse("FR");

    @Test
    void anEngineThatBillsIsEstimatedInBilledCharactersAtItsPrice() {
        ReplayPlan plan = plan(new EnginePrice("deepl", true, 25));

        String printed = print(plan);

        assertThat(printed).contains("from memory           billed")
                .contains("engine deepl: 40000 characters billed at 25.00 per million, estimated cost 1.00");
        assertThat(plan.estimatedCost()).isEqualTo(1.0);
    }

    @Test
    void apertiumIsEstimatedInCharactersToSendAtPriceZeroNeverAsBilled() {
        ReplayPlan plan = plan(new EnginePrice("apertium", false, 0));

        String printed = print(plan);

        assertThat(printed).contains("from memory          to send")
                .contains("engine apertium (bills nothing): 40000 characters to send at 0.00 per million, estimated cost 0.00")
                .doesNotContain("billed");
        assertThat(plan.estimatedCost()).isZero();
    }

    @Test
    void countsTextsSharedInFlightAsFromMemoryAsTheLabelsDo() {
        ReplayPlan plan = plan(new EnginePrice("deepl", true, 25));

        assertThat(plan.memoryCharacters()).as("1,558 held by the memory, 297 carried by another article's request")
                .isEqualTo(1_855);
        assertThat(print(plan)).containsPattern("(?m)^total\\s+2\\s+41855\\s+1855\\s+40000\\s*$");
    }

    /** Two French articles: 40,000 characters to send, 1,558 in the memory, 297 shared with another partition's article. */
    private static ReplayPlan plan(EnginePrice price) {
        ReplayPlan plan = new ReplayPlan(List.of(new PartitionRange(0, 0, 10), new PartitionRange(1, 0, 10)), List.of(FR), price);
        plan.select(FR, 0, 3);
        plan.select(FR, 1, 4);
        ReplayPlan.PairEstimate pair = plan.pair("en", FR);
        pair.articles = 2;
        pair.billedCharacters = 40_000;
        pair.memoryCharacters = 1_558;
        pair.sharedCharacters = 297;
        pair.billedAtMost = 40_297;
        return plan;
    }

    private static String print(ReplayPlan plan) {
        StringWriter out = new StringWriter();
        plan.print(new PrintWriter(out));
        return out.toString();
    }
}
