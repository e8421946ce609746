package org.jdpl.gpu;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jdpl.gpu.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GpuMemoryPoolTest
{
    @Test
    void shouldReuseTheSameMemoryTimeframeAfterTimeframeOnTheCpu()
    {
        try (GpuContext context = new CpuBackend().open(0))
        {
            shouldReuseTheSameMemory(context);
        }
    }

    @Test
    void shouldReuseTheSameMemoryTimeframeAfterTimeframeOnOpenCl()
    {
        try (GpuContext context = OpenClAvailable.openFirstDevice())
        {
            shouldReuseTheSameMemory(context);
        }
    }

    @Test
    void shouldNameBothSizesWhenATimeframeDoesNotFit()
    {
        try (GpuContext context = new CpuBackend().open(0); GpuMemoryPool pool = new GpuMemoryPool(context, 4096))
        {
            pool.begin(17);
            pool.take(3000, "cells");
            final PoolExhaustedException e = assertThrows(PoolExhaustedException.class, () -> pool.take(2000, "labels"));
            assertEquals("timeframe 17 needs at least 5008 bytes of GPU memory (failed at 'labels') but the GPU memory pool holds " +
                "4096 bytes; raise gpu.memory to at least 5008 bytes, or send smaller timeframes", e.getMessage());
            assertEquals(5008, e.neededBytes());
            assertEquals(4096, e.poolBytes());
            pool.reset();
            pool.begin(18);
            pool.take(4096, "everything");
            assertEquals(4096, pool.highWaterBytes());
            pool.reset();
        }
    }

    @Test
    void shouldRefuseAPoolLargerThanTheGpu()
    {
        try (GpuContext context = new CpuBackend().open(0))
        {
            final GpuException e = assertThrows(GpuException.class, () -> new GpuMemoryPool(context, context.memoryBytes() + 1));
            assertTrue(e.getMessage().startsWith("gpu.memory = " + (context.memoryBytes() + 1) + " bytes does not fit"), e.getMessage());
        }
    }

    @Test
    void shouldRefuseToStartATimeframeBeforeTheLastWasReset()
    {
        try (GpuContext context = new CpuBackend().open(0); GpuMemoryPool pool = new GpuMemoryPool(context, 4096))
        {
            pool.begin(1);
            pool.take(10, "x");
            assertThrows(IllegalStateException.class, () -> pool.begin(2));
        }
    }

    /** Many timeframes through one pool: no growth, aligned slices, each slice's data its own. */
    private static void shouldReuseTheSameMemory(final GpuContext context)
    {
        final long align = context.alignmentBytes();
        try (Arena arena = Arena.ofConfined(); GpuMemoryPool pool = new GpuMemoryPool(context, 64 * align))
        {
            final MemorySegment host = arena.allocate(JAVA_LONG, 4);
            final MemorySegment back = arena.allocate(JAVA_LONG, 4);
            for (int timeframe = 0; timeframe < 50; timeframe++)
            {
                pool.begin(timeframe);
                final GpuBuffer a = pool.take(32, "a");
                final GpuBuffer b = pool.take(1 + timeframe % 3, "b");
                final GpuBuffer c = pool.take(32, "c");
                host.fill((byte)timeframe);
                context.copyToDevice(host, a, 0);
                host.fill((byte)(timeframe + 100));
                context.copyToDevice(host, c, 0);
                context.copyFromDevice(a, 0, back);
                assertEquals((byte)timeframe, back.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 31), "slice a overwritten by c");
                assertEquals(2 * align + 32, pool.usedBytes(), "slices are aligned and packed");
                assertEquals(1 + timeframe % 3, b.sizeBytes());
                pool.reset();
                assertEquals(0, pool.usedBytes());
            }
            assertEquals(2 * align + 32, pool.highWaterBytes());
        }
    }
}
