package org.jdpl.topologies;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What one {@code dpl run} left: exit code, console text, and its summary JSON. */
record RunResult(int exitCode, String out, String err, JsonNode summary)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode readSummary(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        try
        {
            return JSON.readTree(file.toFile());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    String status()
    {
        return summary == null ? null : summary.path("status").asText();
    }

    double metric(final String name)
    {
        final JsonNode value = summary.path("metrics").path(name);
        if (value.isMissingNode())
        {
            throw new AssertionError("no metric '" + name + "' in the summary: " + summary.path("metrics"));
        }
        return value.asDouble();
    }

    long timeslices(final String field)
    {
        return summary.path("timeslices").path(field).asLong(-1);
    }

    String describe()
    {
        return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
