package org.jdpl.gpu;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Host memory that columns pass through on their way to and from one GPU. It grows to the largest
 * timeframe seen and is then reused, so copies allocate nothing. Used from the GPU's one thread.
 */
public final class HostStaging implements AutoCloseable
{
    private final GpuContext context;
    private Arena arena;
    private MemorySegment memory = MemorySegment.NULL;

    public HostStaging(final GpuContext context)
    {
        this.context = context;
    }

    /** At least {@code bytes} of host memory, valid until the next call. */
    public MemorySegment ensure(final long bytes)
    {
        if (memory.byteSize() < bytes)
        {
            if (arena != null)
            {
                arena.close();
            }
            arena = Arena.ofShared();
            memory = arena.allocate(Math.max(bytes, memory.byteSize() * 2), 64);
        }
        return memory;
    }

    /** Copies {@code column[0, n)} to the start of {@code target}. */
    public void upload(final int[] column, final int n, final GpuBuffer target)
    {
        final long bytes = (long)n * Integer.BYTES;
        MemorySegment.copy(column, 0, ensure(bytes), JAVA_INT, 0, n);
        context.copyToDevice(memory.asSlice(0, bytes), target, 0);
    }

    /** Copies {@code column[0, n)} to the start of {@code target}. */
    public void upload(final float[] column, final int n, final GpuBuffer target)
    {
        final long bytes = (long)n * Float.BYTES;
        MemorySegment.copy(column, 0, ensure(bytes), JAVA_FLOAT, 0, n);
        context.copyToDevice(memory.asSlice(0, bytes), target, 0);
    }

    /** Copies {@code column[0, n)} to the start of {@code target}. */
    public void upload(final double[] column, final int n, final GpuBuffer target)
    {
        final long bytes = (long)n * Double.BYTES;
        MemorySegment.copy(column, 0, ensure(bytes), JAVA_DOUBLE, 0, n);
        context.copyToDevice(memory.asSlice(0, bytes), target, 0);
    }

    /** Copies {@code n} ints from the start of {@code source} into {@code column} from {@code at}. */
    public void download(final GpuBuffer source, final int[] column, final int at, final int n)
    {
        final long bytes = (long)n * Integer.BYTES;
        context.copyFromDevice(source, 0, ensure(bytes).asSlice(0, bytes));
        MemorySegment.copy(memory, JAVA_INT, 0, column, at, n);
    }

    /** Copies {@code n} floats from the start of {@code source} into {@code column} from {@code at}. */
    public void download(final GpuBuffer source, final float[] column, final int at, final int n)
    {
        final long bytes = (long)n * Float.BYTES;
        context.copyFromDevice(source, 0, ensure(bytes).asSlice(0, bytes));
        MemorySegment.copy(memory, JAVA_FLOAT, 0, column, at, n);
    }

    @Override
    public void close()
    {
        if (arena != null)
        {
            arena.close();
            arena = null;
        }
    }
}
