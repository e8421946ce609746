package org.jdpl.framework.driver;

import java.util.ArrayList;
import java.util.List;

/** The last N log lines of a process, kept for the message that explains its death. */
final class LogTail
{
    private final String[] lines;
    private int next;
    private int count;

    LogTail(final int capacity)
    {
        this.lines = new String[capacity];
    }

    synchronized void add(final String line)
    {
        lines[next] = line;
        next = (next + 1) % lines.length;
        count = Math.min(count + 1, lines.length);
    }

    synchronized List<String> lines()
    {
        final List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            result.add(lines[(next - count + i + lines.length) % lines.length]);
        }
        return result;
    }
}
