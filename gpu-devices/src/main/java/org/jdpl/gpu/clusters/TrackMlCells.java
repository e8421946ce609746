package org.jdpl.gpu.clusters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.agrona.collections.IntArrayList;

/**
 * Reads a TrackML event's cells ({@code <event>-cells.csv.gz}) into a {@link CellTable}, each
 * cell's module taken from its hit ({@code <event>-hits.csv.gz}) and packed as
 * {@code volume << 24 | layer << 16 | module}.
 */
public final class TrackMlCells
{
    private TrackMlCells()
    {
    }

    /** {@code read(dir, "event000000001")}. */
    public static CellTable read(final Path directory, final String event)
    {
        final Path hits = directory.resolve(event + "-hits.csv.gz");
        final Path cells = directory.resolve(event + "-cells.csv.gz");
        final Map<Integer, Integer> moduleOfHit = new HashMap<>();
        forEachRow(hits, "hit_id,x,y,z,volume_id,layer_id,module_id", (row, line) ->
            moduleOfHit.put(Integer.parseInt(row[0]), Integer.parseInt(row[4]) << 24 | Integer.parseInt(row[5]) << 16 |
                Integer.parseInt(row[6])));
        final IntArrayList module = new IntArrayList();
        final IntArrayList ch0 = new IntArrayList();
        final IntArrayList ch1 = new IntArrayList();
        // Agrona has no float list: values travel as their bit patterns.
        final IntArrayList valueBits = new IntArrayList();
        forEachRow(cells, "hit_id,ch0,ch1,value", (row, line) ->
        {
            final Integer hitModule = moduleOfHit.get(Integer.parseInt(row[0]));
            if (hitModule == null)
            {
                throw new IllegalArgumentException(cells + ":" + line + ": hit " + row[0] + " is not in " + hits.getFileName());
            }
            module.addInt(hitModule);
            ch0.addInt(Integer.parseInt(row[1]));
            ch1.addInt(Integer.parseInt(row[2]));
            valueBits.addInt(Float.floatToRawIntBits(Float.parseFloat(row[3])));
        });
        final float[] value = new float[valueBits.size()];
        for (int i = 0; i < value.length; i++)
        {
            value[i] = Float.intBitsToFloat(valueBits.getInt(i));
        }
        return CellTable.of(module.toIntArray(), ch0.toIntArray(), ch1.toIntArray(), value);
    }

    private static void forEachRow(final Path file, final String header, final RowHandler handler)
    {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
            StandardCharsets.US_ASCII)))
        {
            final String first = in.readLine();
            if (first == null || !first.strip().equals(header))
            {
                throw new IllegalArgumentException(file + ":1: expected header '" + header + "', found '" + first + "'");
            }
            int line = 1;
            for (String text = in.readLine(); text != null; text = in.readLine())
            {
                line++;
                if (!text.isBlank())
                {
                    try
                    {
                        handler.onRow(text.split(","), line);
                    }
                    catch (final NumberFormatException | ArrayIndexOutOfBoundsException e)
                    {
                        throw new IllegalArgumentException(file + ":" + line + ": malformed row '" + text + "'", e);
                    }
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    @FunctionalInterface
    private interface RowHandler
    {
        void onRow(String[] row, int line);
    }
}
