package org.jdpl.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * The timeslices a sink replica completed, a bit each, in a file of the run's shared memory that
 * outlives the process: a sink killed with SIGKILL writes no report, and a restarted one starts a
 * new report, but what every one of its incarnations completed stays here for the Driver's
 * accounting (which would otherwise count it as lost). The file is sparse: a page costs memory once
 * a bit on it is set. A header long holds one past the highest id set, so reading scans no more.
 * Setting a bit allocates nothing.
 */
public final class CompletionBits
{
    /** Ids at or beyond this are not recorded here (the report's ranges still hold them): 2^29, a 64 MiB sparse file. */
    public static final long CAPACITY = 1L << 29;
    private static final int HEADER_BYTES = 64;

    private final MappedByteBuffer bits;
    private long end;

    private CompletionBits(final MappedByteBuffer bits)
    {
        this.bits = bits;
        this.end = bits.getLong(0);
    }

    /** Opens {@code file}, creating it if this is the replica's first incarnation, to set bits in. */
    public static CompletionBits open(final Path file)
    {
        try
        {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, HEADER_BYTES + CAPACITY / 8);
                map.order(ByteOrder.LITTLE_ENDIAN);
                return new CompletionBits(map);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the completion record " + file + ": " + ex.getMessage(), ex);
        }
    }

    public void set(final long timeslice)
    {
        if (timeslice < 0 || timeslice >= CAPACITY)
        {
            return;
        }
        final int at = HEADER_BYTES + (int)(timeslice >>> 3);
        bits.put(at, (byte)(bits.get(at) | (1 << (timeslice & 7))));
        if (timeslice >= end)
        {
            end = timeslice + 1;
            bits.putLong(0, end);
        }
    }

    /** The ids set in {@code file} by every incarnation; empty when there is no such file. */
    public static BitSet read(final Path file)
    {
        final BitSet set = new BitSet();
        if (!Files.isRegularFile(file))
        {
            return set;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(channel.size(), HEADER_BYTES + CAPACITY / 8));
            map.order(ByteOrder.LITTLE_ENDIAN);
            if (map.capacity() < HEADER_BYTES)
            {
                return set;
            }
            final long end = Math.min(map.getLong(0), CAPACITY);
            for (long t = 0; t < end; t += 8)
            {
                final int b = map.get(HEADER_BYTES + (int)(t >>> 3)) & 0xFF;
                for (int bit = 0; b != 0 && bit < 8; bit++)
                {
                    if ((b & (1 << bit)) != 0)
                    {
                        set.set((int)(t + bit));
                    }
                }
            }
            return set;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the completion record " + file + ": " + ex.getMessage(), ex);
        }
    }
}
