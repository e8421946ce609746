package org.jdpl.transport.segment;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * A device-like process for the multi-process tests: attaches to the segment named by its first
 * argument, prints {@code SLOT n}, then obeys one command per stdin line and answers on stdout.
 */
public final class SegmentChild
{
    private SegmentChild()
    {
    }

    /** The test pattern: the long at {@code index} of a block filled for {@code seed}. */
    static long pattern(final long seed, final long index)
    {
        return seed * 0x9E37_79B9_7F4A_7C15L + index;
    }

    static void fill(final MemorySegment block, final long seed)
    {
        final long longs = block.byteSize() / Long.BYTES;
        for (long i = 0; i < longs; i++)
        {
            block.setAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i, pattern(seed, i));
        }
    }

    /** Returns the index of the first long that differs, or -1. */
    static long firstMismatch(final MemorySegment block, final long seed)
    {
        return firstMismatch(block, seed, 0);
    }

    /** Returns the index of the first long from {@code fromLong} on that differs, or -1. */
    static long firstMismatch(final MemorySegment block, final long seed, final long fromLong)
    {
        final long longs = block.byteSize() / Long.BYTES;
        for (long i = fromLong; i < longs; i++)
        {
            if (block.getAtIndex(ValueLayout.JAVA_LONG_UNALIGNED, i) != pattern(seed, i))
            {
                return i;
            }
        }
        return -1;
    }

    public static void main(final String[] args) throws Exception
    {
        try (PayloadSegment segment = PayloadSegment.open(Path.of(args[0]));
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)))
        {
            System.out.println("SLOT " + segment.slot());
            String line;
            while ((line = commands.readLine()) != null)
            {
                final String[] words = line.trim().split(" ");
                switch (words[0])
                {
                    case "VERIFY" -> verify(segment, Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3]));
                    case "READ" ->
                    {
                        final long ref = Long.parseLong(words[1]);
                        segment.readOnly(ref).get(ValueLayout.JAVA_LONG, 0);
                        System.out.println("HOLDING " + ref);
                    }
                    case "RELEASE" ->
                    {
                        segment.release(Long.parseLong(words[1]));
                        System.out.println("RELEASED " + words[1]);
                    }
                    case "ALLOC" -> System.out.println("ALLOCATED " + segment.tryAllocate(Long.parseLong(words[1])));
                    case "ALLOCATE-WAITING" -> allocateWaiting(segment, Long.parseLong(words[1]));
                    case "STRESS" -> stress(segment, Integer.parseInt(words[1]), Integer.parseInt(words[2]),
                        Integer.parseInt(words[3]), Long.parseLong(words[4]));
                    case "EXIT" ->
                    {
                        System.out.println("BYE");
                        return;
                    }
                    default -> System.out.println("UNKNOWN " + line);
                }
            }
        }
    }

    private static void verify(final PayloadSegment segment, final long ref, final long seed, final long marker)
    {
        final long mismatch = firstMismatch(segment.readOnly(ref), seed);
        if (mismatch >= 0)
        {
            System.out.println("MISMATCH " + ref + " at long " + mismatch);
            return;
        }
        segment.writable(ref).set(ValueLayout.JAVA_LONG, 0, marker);
        System.out.println("VERIFIED " + ref);
    }

    private static void allocateWaiting(final PayloadSegment segment, final long sizeBytes)
    {
        // Announces the wait from inside the waiting loop, so the test releases space only once the
        // producer really waits (its first try has failed).
        final IdleStrategy announcing = new IdleStrategy()
        {
            private final BackoffIdleStrategy backoff = new BackoffIdleStrategy();
            private boolean announced;

            @Override
            public void idle(final int workCount)
            {
                idle();
            }

            @Override
            public void idle()
            {
                if (!announced)
                {
                    announced = true;
                    System.out.println("WAITING");
                }
                backoff.idle();
            }

            @Override
            public void reset()
            {
                backoff.reset();
            }
        };
        final long ref = segment.allocate(sizeBytes, announcing, TimeUnit.SECONDS.toNanos(30));
        System.out.println("ALLOCATED " + ref + " waits=" + segment.ownBackPressureWaits());
    }

    /** Threads allocate, fill their block with their own pattern, yield, check nobody else wrote there, release. */
    private static void stress(final PayloadSegment segment, final int threads, final int iterations, final int maxPages,
        final long id) throws InterruptedException
    {
        final AtomicLong done = new AtomicLong();
        final AtomicLong overlaps = new AtomicLong();
        final List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++)
        {
            final long threadSeed = id * 1000 + t;
            workers.add(Thread.ofPlatform().start(() ->
            {
                final BackoffIdleStrategy idle = new BackoffIdleStrategy();
                for (int i = 0; i < iterations; i++)
                {
                    // Every eighth block spans whole bitmap words, so both bitmap levels race across processes.
                    final long pages = i % 8 == 7 ? ThreadLocalRandom.current().nextLong(65, 200) : maxPages;
                    final long size = ThreadLocalRandom.current().nextLong(1, pages * segment.pageSizeBytes());
                    final long ref = segment.allocate(size, idle, TimeUnit.SECONDS.toNanos(20));
                    if (ref < 0)
                    {
                        System.out.println("STARVED " + BlockRef.toString(ref));
                        return;
                    }
                    final long seed = threadSeed * 1_000_000 + i;
                    final MemorySegment block = segment.writable(ref);
                    fill(block, seed);
                    Thread.yield();
                    final long mismatch = firstMismatch(block, seed);
                    if (mismatch >= 0)
                    {
                        overlaps.incrementAndGet();
                        System.out.println("OVERLAP " + BlockRef.toString(ref) + " at long " + mismatch);
                    }
                    segment.release(ref);
                    done.incrementAndGet();
                }
            }));
        }
        for (final Thread worker : workers)
        {
            worker.join();
        }
        System.out.println("STRESS-DONE ok=" + done.get() + " overlaps=" + overlaps.get());
    }
}
