package org.jdpl.topologies;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.jdpl.tools.Dpl;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a user reads about a multi-host run on its launching host: {@code dpl status} and {@code dpl logs}, run in this process. */
final class LaunchingHostView
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private LaunchingHostView()
    {
    }

    /** {@code dpl status RUN --json} of the one running run in {@code runsDir}, or null while there is none. */
    static JsonNode liveStatus(final Path runsDir)
    {
        try
        {
            for (final JsonNode run : JSON.readTree(dpl("status", "--list", "--runs-dir", runsDir.toString(), "--json")))
            {
                if (run.path("status").asText().equals("running"))
                {
                    final JsonNode status = JSON.readTree(dpl("status", run.path("run").asText(), "--runs-dir", runsDir.toString(), "--json"));
                    return status.has("replicas") ? status : null;
                }
            }
            return null;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** The replica row of {@code device} when it shows on {@code host}; a missing node otherwise. */
    static JsonNode replicaOn(final JsonNode status, final String device, final String host)
    {
        for (final JsonNode replica : status.path("replicas"))
        {
            if (replica.path("device").asText().equals(device) && replica.path("host").asText().equals(host))
            {
                return replica;
            }
        }
        return MissingNode.getInstance();
    }

    /** A dpl command, in this process; its output. */
    static String dpl(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = Dpl.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, exitCode, "dpl " + String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
