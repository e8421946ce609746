package org.jdpl.gpu.service;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.run.RunLayout;

/**
 * Where an input's bytes lie in the run's payload segment, so that the service reads them where the
 * producer wrote them instead of a copy: the device sees its inputs as memory, and this process's
 * memory map ({@code /proc/self/maps}) says which file and offset that memory is. Only the payload
 * segment counts (its blocks stay put while the timeslice is processed); an input elsewhere (inline
 * in an Aeron fragment, or reassembled on the heap) is not found and the caller copies it.
 */
final class PayloadLocator
{
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final String SEGMENT_NAME = RunLayout.payloadSegment(Path.of("/")).getFileName().toString();

    private long[] starts = new long[0];
    private long[] ends = new long[0];
    private long[] fileOffsets = new long[0];
    private String[] files = new String[0];
    private boolean reread;

    /** The mapping holding {@code payload} whole, or -1; read the map again once when nothing was found. */
    int find(final MemorySegment payload)
    {
        if (!payload.isNative())
        {
            return -1;
        }
        int found = search(payload.address(), payload.byteSize());
        if (found < 0 && !reread)
        {
            reload();
            reread = true;
            found = search(payload.address(), payload.byteSize());
        }
        return found;
    }

    String file(final int mapping)
    {
        return files[mapping];
    }

    long fileOffset(final int mapping, final MemorySegment payload)
    {
        return payload.address() - starts[mapping] + fileOffsets[mapping];
    }

    private int search(final long address, final long length)
    {
        for (int i = 0; i < starts.length; i++)
        {
            if (address >= starts[i] && address + length <= ends[i])
            {
                return i;
            }
        }
        return -1;
    }

    private void reload()
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(MAPS);
        }
        catch (final IOException e)
        {
            return; // no /proc: every input is copied
        }
        final List<String[]> kept = new ArrayList<>();
        for (final String line : lines)
        {
            final String[] f = line.trim().split("\\s+", 6);
            if (f.length == 6 && f[5].startsWith("/dev/shm/") && f[5].endsWith("/" + SEGMENT_NAME))
            {
                kept.add(f);
            }
        }
        starts = new long[kept.size()];
        ends = new long[kept.size()];
        fileOffsets = new long[kept.size()];
        files = new String[kept.size()];
        for (int i = 0; i < kept.size(); i++)
        {
            final String[] f = kept.get(i);
            final String[] range = f[0].split("-");
            starts[i] = Long.parseUnsignedLong(range[0], 16);
            ends[i] = Long.parseUnsignedLong(range[1], 16);
            fileOffsets[i] = Long.parseUnsignedLong(f[2], 16);
            files[i] = f[5];
        }
    }
}
