package org.jdpl.transport.segment;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Measures, in one process, what a payload hand-off costs the allocator, against copying the same
 * bytes (the physical reference a copying transport would pay). Prints; asserts nothing. Not a test:
 * surefire does not run it. Run after {@code ./mvnw -o -pl shm-transport -am -DskipTests package}:
 * <pre>
 * java @framework/src/main/resources/org/jdpl/framework/jvm.flags -Xmx1g \
 *   -cp shm-transport/target/classes:shm-transport/target/test-classes:$HOME/.m2/repository/org/agrona/agrona/2.4.1/agrona-2.4.1.jar \
 *   org.jdpl.transport.segment.PayloadSegmentBenchmark
 * </pre>
 * Rows: {@code alloc+release} (one process allocates and frees), {@code hand-off} (allocate, publish
 * to another attachment, which releases: the segment's share of a framework hand-off),
 * {@code hand-off/fragmented} (the same with 512 small blocks live across the segment), and
 * {@code memcpy} (MemorySegment.copy of the payload between two blocks of the segment).
 */
public final class PayloadSegmentBenchmark
{
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final long GIB = 1024 * MIB;
    private static final long[] SIZES = {64 * KIB, 16 * MIB, 256 * MIB, GIB};

    private PayloadSegmentBenchmark()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final Path file = Path.of("/dev/shm", "jdpl-bench-" + ProcessHandle.current().pid() + ".segment");
        try (PayloadSegment producer = PayloadSegment.create(file, new SegmentContext().sizeBytes(3 * GIB));
            PayloadSegment consumer = PayloadSegment.open(producer.path()))
        {
            System.out.printf("payload segment %s, %d KiB pages, %s%n", Sizes.format(producer.capacityBytes()),
                producer.pageSizeBytes() / KIB, Runtime.version());
            System.out.printf("%-22s %10s %10s %10s %10s %10s %8s%n", "case", "size", "median", "p90", "p99", "max", "n");
            final long consumerBit = PayloadSegment.holderBit(consumer.slot());
            for (final long size : SIZES)
            {
                report("alloc+release", size, allocateRelease(producer, size, iterations(size)));
            }
            for (final long size : SIZES)
            {
                report("hand-off", size, handOff(producer, consumer, consumerBit, size, iterations(size)));
            }
            final long[] scattered = scatter(producer, 512);
            for (final long size : SIZES)
            {
                report("hand-off/fragmented", size, handOff(producer, consumer, consumerBit, size, iterations(size)));
            }
            for (final long ref : scattered)
            {
                producer.release(ref);
            }
            for (final long size : SIZES)
            {
                report("memcpy", size, copy(producer, size, Math.max(3, iterations(size) / 1000)));
            }
        }
        finally
        {
            Files.deleteIfExists(file);
        }
    }

    private static int iterations(final long size)
    {
        return size <= 16 * MIB ? 100_000 : 20_000;
    }

    private static long[] allocateRelease(final PayloadSegment segment, final long size, final int iterations)
    {
        final long[] samples = new long[iterations];
        for (int warm = 0; warm < iterations; warm++)
        {
            segment.release(segment.tryAllocate(size));
        }
        for (int i = 0; i < iterations; i++)
        {
            final long start = System.nanoTime();
            final long ref = segment.tryAllocate(size);
            segment.release(ref);
            samples[i] = System.nanoTime() - start;
        }
        return samples;
    }

    private static long[] handOff(final PayloadSegment producer, final PayloadSegment consumer, final long consumerBit,
        final long size, final int iterations)
    {
        final long[] samples = new long[iterations];
        for (int i = -iterations; i < iterations; i++)
        {
            final long start = System.nanoTime();
            final long ref = producer.tryAllocate(size);
            producer.publish(ref, consumerBit);
            consumer.release(ref);
            final long elapsed = System.nanoTime() - start;
            if (i >= 0)
            {
                samples[i] = elapsed;
            }
        }
        return samples;
    }

    /** Leaves every other one of {@code count} 64 KiB blocks live, spread over the low part of the segment. */
    private static long[] scatter(final PayloadSegment segment, final int count)
    {
        final long[] all = new long[2 * count];
        for (int i = 0; i < all.length; i++)
        {
            all[i] = segment.tryAllocate(64 * KIB);
        }
        final long[] kept = new long[count];
        for (int i = 0; i < all.length; i++)
        {
            if (i % 2 == 0)
            {
                segment.release(all[i]);
            }
            else
            {
                kept[i / 2] = all[i];
            }
        }
        return kept;
    }

    private static long[] copy(final PayloadSegment segment, final long size, final int iterations)
    {
        final long source = segment.tryAllocate(size);
        final long target = segment.tryAllocate(size);
        final MemorySegment from = segment.writable(source);
        final MemorySegment to = segment.writable(target);
        from.fill((byte)7);
        to.fill((byte)0);
        final long[] samples = new long[iterations];
        for (int i = -1; i < iterations; i++)
        {
            final long start = System.nanoTime();
            MemorySegment.copy(from, 0, to, 0, size);
            final long elapsed = System.nanoTime() - start;
            if (i >= 0)
            {
                samples[i] = elapsed;
            }
        }
        segment.release(source);
        segment.release(target);
        return samples;
    }

    private static void report(final String name, final long size, final long[] samples)
    {
        Arrays.sort(samples);
        System.out.printf("%-22s %10s %10s %10s %10s %10s %8d%n", name, Sizes.format(size), micros(percentile(samples, 50)),
            micros(percentile(samples, 90)), micros(percentile(samples, 99)), micros(samples[samples.length - 1]),
            samples.length);
    }

    private static long percentile(final long[] sorted, final int percent)
    {
        return sorted[(int)Math.min(sorted.length - 1, (long)sorted.length * percent / 100)];
    }

    private static String micros(final long nanos)
    {
        return nanos >= 10_000_000 ? String.format("%.1f ms", nanos / 1e6) : String.format("%.2f us", nanos / 1e3);
    }
}
