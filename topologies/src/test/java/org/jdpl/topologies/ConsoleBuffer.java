package org.jdpl.topologies;

import java.io.Writer;

/** A Writer that keeps everything written, readable while another thread still writes. */
final class ConsoleBuffer extends Writer
{
    private final StringBuffer text = new StringBuffer();

    @Override
    public void write(final char[] chars, final int offset, final int length)
    {
        text.append(chars, offset, length);
    }

    @Override
    public void flush()
    {
    }

    @Override
    public void close()
    {
    }

    @Override
    public String toString()
    {
        return text.toString();
    }
}
