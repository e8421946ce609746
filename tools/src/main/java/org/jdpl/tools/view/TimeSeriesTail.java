package org.jdpl.tools.view;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.tools.view.TimeSeriesReader.Sample;

/**
 * A run's time series read as it grows: each {@link #poll} returns the samples appended since the last, whole lines
 * only (a line being written is read when it is finished). The file may not exist yet: polling finds it when it does.
 */
public final class TimeSeriesTail implements AutoCloseable
{
    private static final int CHUNK_BYTES = 64 * 1024;

    private final Path file;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
    private FileChannel channel;
    private List<String> columns;
    private boolean notTimeSeries;

    public TimeSeriesTail(final Path file)
    {
        this.file = file;
    }

    /** The samples written since the last call (at most a few chunks' worth; the rest next time). */
    public List<Sample> poll() throws IOException
    {
        final List<Sample> samples = new ArrayList<>();
        if (notTimeSeries || channel == null && !open())
        {
            return samples;
        }
        for (int chunks = 0; chunks < 16; chunks++)
        {
            chunk.clear();
            if (channel.read(chunk) <= 0)
            {
                break;
            }
            chunk.flip();
            while (chunk.hasRemaining())
            {
                final byte b = chunk.get();
                if (b == '\n')
                {
                    onLine(line.toString(StandardCharsets.UTF_8), samples);
                    line.reset();
                }
                else
                {
                    line.write(b);
                }
            }
        }
        return samples;
    }

    private boolean open() throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            return false;
        }
        channel = FileChannel.open(file, StandardOpenOption.READ);
        return true;
    }

    private void onLine(final String text, final List<Sample> samples)
    {
        if (columns == null)
        {
            columns = TimeSeriesReader.columns(text);
            notTimeSeries = columns == null;
            return;
        }
        final Sample sample = TimeSeriesReader.sample(text, columns);
        if (sample != null)
        {
            samples.add(sample);
        }
    }

    @Override
    public void close() throws IOException
    {
        if (channel != null)
        {
            channel.close();
        }
    }
}
