package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.tools.Dpl;

/** The TrackML sample event, event directories made from parts of it, and {@code dpl score} on what a run wrote. */
final class TrackmlSample
{
    static final String EVENT = "event000000001";

    private TrackmlSample()
    {
    }

    /** The repository's sample, named by {@code jdpl.sampleData} (set by the root pom); missing data fails the test. */
    static Path directory()
    {
        final String property = System.getProperty("jdpl.sampleData");
        assertTrue(property != null && Files.isDirectory(Path.of(property)),
            "TrackML sample not found: system property jdpl.sampleData=" + property + " (the root pom sets it to data/trackml-sample)");
        return Path.of(property);
    }

    /** A directory {@code name} under {@code parent} with the sample event's files of the given kinds ("hits", "truth", ...). */
    static Path eventDirectory(final Path parent, final String name, final String... kinds)
    {
        try
        {
            final Path dir = Files.createDirectories(parent.resolve(name));
            for (final String kind : kinds)
            {
                final String file = EVENT + "-" + kind + ".csv.gz";
                Files.copy(directory().resolve(file), dir.resolve(file));
            }
            return dir;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code dpl score --truth truth submission --json ...} printed (console lines) and wrote (the JSON). */
    record Scored(int exitCode, List<String> lines, JsonNode figures)
    {
    }

    static Scored score(final Path truth, final Path submission, final Path json)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), "score", "--truth", truth.toString(),
            submission.toString(), "--json", json.toString());
        try
        {
            final List<String> lines = new ArrayList<>(out.toString().lines().toList());
            lines.addAll(err.toString().lines().toList());
            return new Scored(exit, lines, exit == 0 ? new ObjectMapper().readTree(json.toFile()) : null);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
