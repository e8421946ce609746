package org.jdpl.framework.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.collections.LongArrayList;
import org.jdpl.transport.segment.BlockRef;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.SegmentContext;

/**
 * The payloads of test calls carried through a real payload segment, a file in /dev/shm, with the
 * holds a run takes: the test's side (the upstream producer, and the downstream consumer of what the
 * device makes) and the device each attach a process slot of their own. A staged input is allocated
 * and written by the test and published to the device, which reads it in place and releases it when
 * the call ends; an output is a block the device allocates, published to the test once the call is
 * over. So after a call every block is free again and the next call reuses its pages: a device that
 * keeps a payload past its call reads another call's bytes, as it would in a run.
 */
final class SegmentPayloads implements AutoCloseable
{
    private static final AtomicInteger SEGMENTS = new AtomicInteger();
    private static final Path SHM = Path.of("/dev/shm");

    private final Path directory;
    private final Path file;
    private final PayloadSegment test;
    private final PayloadSegment device;
    private final LongArrayList inputs = new LongArrayList();
    private final LongArrayList outputs = new LongArrayList();

    private SegmentPayloads(final Path directory, final Path file, final PayloadSegment test, final PayloadSegment device)
    {
        this.directory = directory;
        this.file = file;
        this.test = test;
        this.device = device;
    }

    /** A segment of {@code sizeBytes} in a directory of its own under /dev/shm, removed by {@link #close()}. */
    static SegmentPayloads create(final long sizeBytes)
    {
        if (!Files.isDirectory(SHM) || !Files.isWritable(SHM))
        {
            throw new IllegalStateException("DeviceTester.payloadSegment needs a writable /dev/shm (the payload segment lives there)");
        }
        final Path directory = SHM.resolve("jdpl-test-" + ProcessHandle.current().pid() + "-" + SEGMENTS.incrementAndGet());
        final Path file = directory.resolve("payload-segment");
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot make " + directory + ": " + e.getMessage(), e);
        }
        final PayloadSegment test = PayloadSegment.create(file, new SegmentContext().sizeBytes(sizeBytes));
        return new SegmentPayloads(directory, file, test, PayloadSegment.open(file));
    }

    /** {@code payload} copied into a block published to the device: what the device reads, in place. */
    MemorySegment input(final MemorySegment payload)
    {
        if (payload.byteSize() == 0)
        {
            return payload; // an empty payload travels inline in a run
        }
        final long ref = allocate(test, payload.byteSize());
        MemorySegment.copy(payload, 0, test.writable(ref), 0, payload.byteSize());
        test.publish(ref, PayloadSegment.holderBit(device.slot()));
        inputs.addLong(ref);
        return device.readOnly(ref);
    }

    /** A block the device allocates for an output, filled with {@code stale} (reused pages hold old bytes). */
    MemorySegment output(final long sizeBytes, final byte stale)
    {
        if (sizeBytes == 0)
        {
            return MemorySegment.NULL;
        }
        final long ref = allocate(device, sizeBytes);
        outputs.addLong(ref);
        return device.writable(ref).fill(stale);
    }

    /**
     * Ends a call: the device releases its inputs; its outputs go to the test, which releases them
     * (also after a failed call, as the runner drops what a failed call made).
     */
    void endCall()
    {
        for (int i = 0; i < inputs.size(); i++)
        {
            device.release(inputs.getLong(i));
        }
        for (int i = 0; i < outputs.size(); i++)
        {
            final long ref = outputs.getLong(i);
            device.publish(ref, PayloadSegment.holderBit(test.slot()));
            test.release(ref);
        }
        inputs.clear();
        outputs.clear();
    }

    @Override
    public void close()
    {
        endCall();
        device.close();
        test.close();
        try
        {
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot remove " + directory + ": " + e.getMessage(), e);
        }
    }

    private static long allocate(final PayloadSegment by, final long sizeBytes)
    {
        final long ref = by.tryAllocate(sizeBytes);
        if (!BlockRef.isRef(ref))
        {
            throw new IllegalStateException("the test's payload segment has no room for " + sizeBytes + " more bytes (" +
                by.usedBytes() + " of " + by.capacityBytes() + " in use this call): give DeviceTester.payloadSegment a larger size");
        }
        return ref;
    }
}
