package news.wiretranslation.glossary;

import java.util.List;
import java.util.stream.Collectors;

/** A glossary or protected-terms file that cannot be used; the message names each file and line at fault. */
public final class InvalidTerminologyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<GlossaryProblem> problems;

    public InvalidTerminologyException(List<GlossaryProblem> problems) {
        super(problems.stream().map(GlossaryProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<GlossaryProblem> problems() {
        return problems;
    }
}
