package org.jdpl.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;

import org.jdpl.gpu.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a timeframe does to its GPU again and again (set arguments, copy in, launch with timing,
 * copy out) allocates nothing on the Java heap once warm, on every backend here.
 */
@Timeout(120)
class LaunchAllocationTest
{
    private static final int WARM_UP = 20_000;
    private static final int COUNT = 5_000;

    @Test
    void shouldNotAllocatePerLaunchOnOpenCl()
    {
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            shouldNotAllocatePerLaunch(context);
        }
    }

    @Test
    void shouldNotAllocatePerLaunchOnTheCpu()
    {
        try (GpuContext context = new CpuBackend().open(0))
        {
            shouldNotAllocatePerLaunch(context);
        }
    }

    private static void shouldNotAllocatePerLaunch(final GpuContext context)
    {
        final int n = 256;
        try (Arena arena = Arena.ofConfined();
             GpuBuffer x = context.allocate(n * 4L);
             GpuBuffer y = context.allocate(n * 4L);
             GpuProgram program = context.build(GpuContextContract.SAXPB))
        {
            final MemorySegment host = arena.allocate(n * 4L);
            final GpuKernel kernel = program.kernel("saxpb");
            for (int i = 0; i < WARM_UP; i++)
            {
                cycle(context, kernel, x, y, host, n, i);
            }
            final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < COUNT; i++)
            {
                cycle(context, kernel, x, y, host, n, i);
            }
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.println(context.backend() + ": " + allocated + " bytes allocated in " + COUNT + " launch cycles");
            assertTrue(allocated < COUNT / 10, context.backend() + ": " + allocated + " bytes allocated in " + COUNT + " launch cycles");
        }
    }

    private static void cycle(final GpuContext context, final GpuKernel kernel, final GpuBuffer x, final GpuBuffer y,
        final MemorySegment host, final int n, final int i)
    {
        kernel.arg(0, x).arg(1, y).arg(2, 1.5f).arg(3, i).arg(4, n);
        context.copyToDevice(host, x, 0);
        context.launch(kernel, n, 0);
        context.copyFromDevice(y, 0, host);
    }
}
