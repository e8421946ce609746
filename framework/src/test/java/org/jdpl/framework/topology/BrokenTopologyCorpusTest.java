package org.jdpl.framework.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.topology.fixtures.TestGpuDiscovery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in {@code broken/} states its one expected problem in its first line:
 * {@code # expect: LINE: text} (a line of this file), {@code # expect: parts/x.conf:LINE: text}
 * (another file), {@code # expect: parts/x.conf: text} (a file, no line) or
 * {@code # expect: --set 'k=v': text}. Optional {@code # files: a.conf b.conf} lines add files after
 * it, {@code # set: k=v} lines add overrides. The validator must report exactly that problem.
 */
class BrokenTopologyCorpusTest
{
    static final Path BROKEN = Path.of("src/test/resources/broken");
    private static final Pattern THIS_FILE = Pattern.compile("(\\d+): (.*)");
    private static final Pattern SET = Pattern.compile("(--set '.*?'): (.*)");
    private static final Pattern OTHER_FILE = Pattern.compile("([\\w./-]+\\.conf)(?::(\\d+))?: (.*)");
    private static final DeviceCatalog CATALOG = DeviceCatalog.load();

    static Stream<Path> brokenFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(BROKEN))
        {
            return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void shouldReportExactlyTheExpectedProblem(final Path file) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        final Expectation expected = Expectation.parse(file, lines.get(0));
        final List<Path> files = new ArrayList<>(List.of(file));
        final List<String> sets = new ArrayList<>();
        for (final String line : lines)
        {
            if (line.startsWith("# files: "))
            {
                for (final String extra : line.substring("# files: ".length()).trim().split("\\s+"))
                {
                    files.add(BROKEN.resolve(extra));
                }
            }
            else if (line.startsWith("# set: "))
            {
                sets.add(line.substring("# set: ".length()));
            }
        }

        final Compilation result = TopologyCompiler.compile(files, sets, CATALOG, Map.of("HOME", "/home/test"), new TestGpuDiscovery());

        assertNull(result.plan(), "no plan from a broken topology");
        assertEquals(1, result.problems().size(), () -> "expected exactly one problem, got:\n" + result.problemReport());
        final Problem problem = result.problems().get(0);
        assertEquals(expected.location(), problem.location(), problem::toString);
        assertTrue(problem.toString().contains(expected.text()), () -> "expected '" + expected.text() + "' in:\n" + problem);
        assertFalse(problem.toString().contains("Exception"), problem::toString);
        assertFalse(problem.toString().contains("\n"), problem::toString);
        assertFalse(problem.hint().isEmpty(), () -> "a problem says what to do: " + problem);
    }

    /** The location and a piece of the one-line text the file's first line announces. */
    record Expectation(String location, String text)
    {
        static Expectation parse(final Path file, final String firstLine)
        {
            if (!firstLine.startsWith("# expect: "))
            {
                throw new IllegalArgumentException(file + ": the first line must be '# expect: LINE: text'");
            }
            final String spec = firstLine.substring("# expect: ".length());
            Matcher m = THIS_FILE.matcher(spec);
            if (m.matches())
            {
                return new Expectation(file + ":" + m.group(1), m.group(2));
            }
            m = SET.matcher(spec);
            if (m.matches())
            {
                return new Expectation(m.group(1), m.group(2));
            }
            m = OTHER_FILE.matcher(spec);
            if (m.matches())
            {
                final String other = BROKEN.resolve(m.group(1)).toString();
                return new Expectation(m.group(2) == null ? other : other + ":" + m.group(2), m.group(3));
            }
            throw new IllegalArgumentException(file + ": cannot read the expectation '" + spec + "'");
        }
    }
}
