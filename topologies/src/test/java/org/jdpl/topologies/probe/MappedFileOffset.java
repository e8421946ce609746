package org.jdpl.topologies.probe;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a memory address lies in a memory-mapped file, from /proc/self/maps: two processes whose
 * views name the same offset of the same file look at the same bytes, not at copies.
 */
final class MappedFileOffset
{
    static final long NOT_MAPPED = -1;

    private MappedFileOffset()
    {
    }

    /** The offset in a file named {@code fileName} that {@code view}'s first byte maps, or {@link #NOT_MAPPED}. */
    static long of(final MemorySegment view, final String fileName)
    {
        final long address = view.address();
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/maps")))
            {
                // 7f0c2c000000-7f0cac000000 rw-s 00000000 00:1a 12345   /dev/shm/jdpl-x/payload.segment
                final String[] f = line.trim().split("\\s+");
                if (f.length < 6 || !f[5].endsWith("/" + fileName))
                {
                    continue;
                }
                final String[] range = f[0].split("-");
                final long start = Long.parseUnsignedLong(range[0], 16);
                final long end = Long.parseUnsignedLong(range[1], 16);
                if (address >= start && address < end)
                {
                    return address - start + Long.parseUnsignedLong(f[2], 16);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read /proc/self/maps: " + ex.getMessage(), ex);
        }
        return NOT_MAPPED;
    }
}
