package org.jdpl.tools.view;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdpl.framework.run.TimeSeriesFormat;

/**
 * Reads a run's time series ({@link TimeSeriesFormat}), whole ({@link #read}) or as it grows ({@link #tail}). A line
 * that does not parse ends the reading: only the last line can be unfinished (a Driver killed while writing it, or
 * one writing it now), and what came before stands.
 */
public final class TimeSeriesReader
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private TimeSeriesReader()
    {
    }

    /** One sample: epoch ms, each replica's state and values by column name, each edge's messages and bytes. */
    public record Sample(long epochMs, List<ReplicaValues> replicas, List<EdgeValues> edges)
    {
    }

    public record ReplicaValues(String device, int replica, String state, Map<String, Long> values)
    {
        public long get(final String column)
        {
            return values.getOrDefault(column, 0L);
        }

        public String label()
        {
            return device + "#" + replica;
        }
    }

    /** @param consumer {@code device.inputLabel} */
    public record EdgeValues(String device, int replica, String consumer, long messages, long bytes)
    {
    }

    /** The samples of {@code file}; empty when there is none (a run from before the time series, or one that never started). */
    public static List<Sample> read(final Path file) throws IOException
    {
        final List<Sample> samples = new ArrayList<>();
        if (!Files.isRegularFile(file))
        {
            return samples;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final List<String> columns = columns(in.readLine());
            if (columns == null)
            {
                return samples;
            }
            String line;
            Sample sample;
            while ((line = in.readLine()) != null && (sample = sample(line, columns)) != null)
            {
                samples.add(sample);
            }
        }
        return samples;
    }

    /** The columns a header line names; null when it is not a time series' header. */
    static List<String> columns(final String headerLine)
    {
        final JsonNode header = parse(headerLine);
        if (header == null || !TimeSeriesFormat.FORMAT.equals(header.path("format").asText()))
        {
            return null;
        }
        final List<String> columns = new ArrayList<>();
        header.path("replicaColumns").forEach(c -> columns.add(c.asText()));
        return columns;
    }

    /** One sample line; null when it does not parse. */
    static Sample sample(final String line, final List<String> columns)
    {
        final JsonNode node = parse(line);
        return node == null ? null : sample(node, columns);
    }

    private static Sample sample(final JsonNode node, final List<String> columns)
    {
        final List<ReplicaValues> replicas = new ArrayList<>();
        for (final JsonNode r : node.path("r"))
        {
            final Map<String, Long> values = new HashMap<>();
            for (int c = 0; c < columns.size(); c++)
            {
                values.put(columns.get(c), r.path(TimeSeriesFormat.REPLICA_KEY_FIELDS + c).asLong());
            }
            replicas.add(new ReplicaValues(r.path(0).asText(), r.path(1).asInt(), r.path(2).asText(), values));
        }
        final List<EdgeValues> edges = new ArrayList<>();
        for (final JsonNode e : node.path("e"))
        {
            edges.add(new EdgeValues(e.path(0).asText(), e.path(1).asInt(), e.path(2).asText(), e.path(3).asLong(), e.path(4).asLong()));
        }
        return new Sample(node.path("t").asLong(), replicas, edges);
    }

    private static JsonNode parse(final String line)
    {
        if (line == null || line.isBlank())
        {
            return null;
        }
        try
        {
            final JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        }
        catch (final JsonProcessingException ex)
        {
            return null;
        }
    }
}
