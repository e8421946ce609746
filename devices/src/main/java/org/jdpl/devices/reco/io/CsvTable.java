package org.jdpl.devices.reco.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** A whole CSV file (plain or {@code .gz}) in memory, with typed access that names file and line on bad values. */
public final class CsvTable
{
    private final Path file;
    private final String[] header;
    private final List<String[]> rows;

    private CsvTable(final Path file, final String[] header, final List<String[]> rows)
    {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(final Path file)
    {
        try (InputStream raw = Files.newInputStream(file);
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16))
        {
            final String first = reader.readLine();
            if (first == null)
            {
                throw new TrackmlFormatException(file + ":1: empty file, expected a CSV header line");
            }
            final String[] header = first.trim().split(",", -1);
            final List<String[]> rows = new ArrayList<>();
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null)
            {
                number++;
                if (line.isBlank())
                {
                    continue;
                }
                final String[] fields = line.split(",", -1);
                if (fields.length != header.length)
                {
                    throw new TrackmlFormatException(file + ":" + number + ": " + fields.length + " fields, the header has " + header.length);
                }
                rows.add(fields);
            }
            return new CsvTable(file, header, rows);
        }
        catch (final NoSuchFileException e)
        {
            throw new TrackmlFormatException(file + ": no such file");
        }
        catch (final IOException e)
        {
            throw new TrackmlFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public Path file()
    {
        return file;
    }

    public int rowCount()
    {
        return rows.size();
    }

    /** The index of a required column. */
    public int column(final String name)
    {
        for (int i = 0; i < header.length; i++)
        {
            if (header[i].trim().equals(name))
            {
                return i;
            }
        }
        throw new TrackmlFormatException(file + ":1: no column '" + name + "' (columns: " + Arrays.toString(header) + ")");
    }

    public long getLong(final int row, final int column)
    {
        final String text = rows.get(row)[column].trim();
        try
        {
            return Long.parseLong(text);
        }
        catch (final NumberFormatException e)
        {
            try
            {
                // Some files write integer columns as "2.0".
                final double value = Double.parseDouble(text);
                if (value == Math.rint(value) && Math.abs(value) < 1e15)
                {
                    return (long)value;
                }
            }
            catch (final NumberFormatException ignored)
            {
                // reported below
            }
            throw bad(row, column, "an integer");
        }
    }

    public int getInt(final int row, final int column)
    {
        final long value = getLong(row, column);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)
        {
            throw bad(row, column, "a 32-bit integer");
        }
        return (int)value;
    }

    public double getDouble(final int row, final int column)
    {
        try
        {
            return Double.parseDouble(rows.get(row)[column].trim());
        }
        catch (final NumberFormatException e)
        {
            throw bad(row, column, "a number");
        }
    }

    private TrackmlFormatException bad(final int row, final int column, final String expected)
    {
        return new TrackmlFormatException(file + ":" + lineOf(row) + ": column '" + header[column].trim() + "' is '" +
            rows.get(row)[column] + "', expected " + expected);
    }

    /** Line number of a data row (blank lines are rare enough to ignore in this count). */
    private static int lineOf(final int row)
    {
        return row + 2;
    }
}
