package org.jdpl.gpu;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * What every backend's {@link GpuContext} must do, run against a real context: copies both ways,
 * a kernel launch with buffer, int and float arguments, slices that do not overlap, statistics.
 */
public final class GpuContextContract
{
    /** y[i] = a * x[i] + b for i < n, written once for every backend. */
    public static final KernelProgram SAXPB = new KernelProgram("saxpb", """
        KERNEL void saxpb(GLOBAL const float* x, GLOBAL float* y, const float a, const int b, const int n)
        {
            const int i = GLOBAL_ID;
            if (i < n)
            {
                y[i] = a * x[i] + (float)b;
            }
        }
        """, Map.of("saxpb", (globalSize, args) ->
        {
            final MemorySegment x = args.buffer(0);
            final MemorySegment y = args.buffer(1);
            final int n = args.intArg(4);
            for (int i = 0; i < n; i++)
            {
                y.setAtIndex(JAVA_FLOAT, i, args.floatArg(2) * x.getAtIndex(JAVA_FLOAT, i) + (float)args.intArg(3));
            }
        }));

    private GpuContextContract()
    {
    }

    public static void shouldCopyBothWays(final GpuContext context)
    {
        final int n = 1000;
        try (Arena arena = Arena.ofConfined(); GpuBuffer buffer = context.allocate(n * 4L))
        {
            final MemorySegment out = arena.allocate(JAVA_INT, n);
            for (int i = 0; i < n; i++)
            {
                out.setAtIndex(JAVA_INT, i, i * 7 - 3);
            }
            context.copyToDevice(out, buffer, 0);
            final MemorySegment back = arena.allocate(JAVA_INT, n);
            context.copyFromDevice(buffer, 0, back);
            assertEquals(-1L, out.mismatch(back), "data read back differs from data written");
            final MemorySegment tail = arena.allocate(JAVA_INT, 10);
            context.copyFromDevice(buffer, 990 * 4L, tail);
            assertEquals(990 * 7 - 3, tail.getAtIndex(JAVA_INT, 0));
        }
        assertTrue(context.stats().bytesToDevice() >= 4000, context.stats().toString());
        assertTrue(context.stats().bytesFromDevice() >= 4040, context.stats().toString());
    }

    public static void shouldLaunchKernelWithArguments(final GpuContext context)
    {
        final int n = 1003;
        try (Arena arena = Arena.ofConfined();
             GpuBuffer x = context.allocate(n * 4L);
             GpuBuffer y = context.allocate(n * 4L);
             GpuProgram program = context.build(SAXPB))
        {
            final MemorySegment host = arena.allocate(JAVA_FLOAT, n);
            for (int i = 0; i < n; i++)
            {
                host.setAtIndex(JAVA_FLOAT, i, i);
            }
            context.copyToDevice(host, x, 0);
            final GpuKernel kernel = program.kernel("saxpb").arg(0, x).arg(1, y).arg(2, 2.0f).arg(3, 5).arg(4, n);
            final long launchesBefore = context.stats().kernelLaunches();
            final long elapsedNs = context.launch(kernel, n, 64);
            assertTrue(elapsedNs >= 0, "kernel time " + elapsedNs);
            assertEquals(launchesBefore + 1, context.stats().kernelLaunches());
            context.copyFromDevice(y, 0, host);
            for (int i = 0; i < n; i++)
            {
                assertEquals(2.0f * i + 5, host.getAtIndex(JAVA_FLOAT, i), "y[" + i + "]");
            }
            kernel.arg(2, -1.0f).arg(3, 0);
            context.enqueue(kernel, n, 0);
            context.finish();
            context.copyFromDevice(y, 0, host);
            assertEquals(-1002.0f, host.getAtIndex(JAVA_FLOAT, n - 1));
        }
    }

    public static void shouldKeepSlicesApart(final GpuContext context)
    {
        final long align = context.alignmentBytes();
        try (Arena arena = Arena.ofConfined(); GpuBuffer whole = context.allocate(4 * align))
        {
            final GpuBuffer first = whole.slice(0, align);
            final GpuBuffer second = whole.slice(align, align);
            final MemorySegment ones = arena.allocate(align).fill((byte)1);
            final MemorySegment twos = arena.allocate(align).fill((byte)2);
            context.copyToDevice(ones, first, 0);
            context.copyToDevice(twos, second, 0);
            final MemorySegment back = arena.allocate(align);
            context.copyFromDevice(first, 0, back);
            assertEquals(-1L, back.mismatch(ones), "first slice overwritten by the second");
            final MemorySegment all = arena.allocate(2 * align);
            context.copyFromDevice(whole, 0, all);
            assertEquals(-1L, all.asSlice(align, align).mismatch(twos), "slice data not at its offset in the parent");
            second.close();
            first.close();
            assertThrows(GpuException.class, () -> whole.slice(1, align), "an unaligned slice must be refused");
        }
    }
}
