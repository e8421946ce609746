package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Driver's console, written through to {@code out}, counting the lines in which a device says it
 * is running (connected, its stream flowing): the moment a run is really up, which on a loaded machine
 * comes long after its processes exist.
 */
final class RunningDevices extends Writer
{
    private static final String RUNNING = ": running (";

    private final Writer out;
    private final StringBuilder line = new StringBuilder();
    private final AtomicInteger running = new AtomicInteger();

    RunningDevices(final Writer out)
    {
        this.out = out;
    }

    /** How many "running" lines the console showed so far (restarted replicas count again). */
    int running()
    {
        return running.get();
    }

    @Override
    public synchronized void write(final char[] chars, final int offset, final int length) throws IOException
    {
        out.write(chars, offset, length);
        for (int i = offset; i < offset + length; i++)
        {
            if (chars[i] == '\n')
            {
                if (line.indexOf(RUNNING) >= 0 && line.indexOf("DeviceRunner") >= 0)
                {
                    running.incrementAndGet();
                }
                line.setLength(0);
            }
            else
            {
                line.append(chars[i]);
            }
        }
    }

    @Override
    public void flush() throws IOException
    {
        out.flush();
    }

    @Override
    public void close() throws IOException
    {
        out.close();
    }
}
