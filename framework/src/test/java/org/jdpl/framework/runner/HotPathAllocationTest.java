package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.jdpl.framework.channel.DeviceChannels;
import org.jdpl.framework.channel.Outlet;
import org.jdpl.framework.channel.PublicationOutlet;
import org.jdpl.framework.channel.RingOutlet;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.inprocess.InProcessRing;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.SegmentContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The send and receive path of the runner allocates nothing per message: output buffer, header
 * stamping, offer, fragment reassembly, decoding, input matching, payload copy and timeslice
 * delivery, over a real IPC stream, measured with the thread's allocation counter. Payloads above
 * the inline threshold take the payload segment path: allocate, publish, send the reference,
 * receive, view in place, release. The same again over the in-process ring of a process group.
 */
class HotPathAllocationTest
{
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private long sum;
    private final TimesliceHandler handler = this::onTimeslice;

    private void onTimeslice(final long timeslice, final Inputs inputs)
    {
        sum += inputs.get("in").payload().get(LONG, 0);
    }

    @Test
    @Timeout(60)
    void shouldNotAllocatePerMessage() throws Exception
    {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/shm")), "needs a writable /dev/shm");
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count allocated bytes");
        final Path shmDir = Path.of("/dev/shm", "jdpl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        final List<InputSpec> inputs = List.of(InputSpec.parse("in:TST/COUNTER"));
        final RunnerCounters counters = new RunnerCounters();
        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch(shmDir.resolve("aeron"));
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDir().toString()));
            Subscription subscription = aeron.addSubscription(DeviceChannels.IPC, 300);
            Publication publication = aeron.addPublication(DeviceChannels.IPC, 300);
            Arena arena = Arena.ofShared();
            InProcessRing ring = new InProcessRing("test", GroupRings.capacityFor(64 * 1024));
            PayloadSegment payloadSegment = PayloadSegment.create(shmDir.resolve("payload.segment"),
                new SegmentContext().sizeBytes(64L << 20));
            TimesliceAssembler assembler = new TimesliceAssembler(inputs, Completion.ALL))
        {
            final SegmentAccess segment = new SegmentAccess(payloadSegment, new BackoffIdleStrategy());
            assembler.segment(segment);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!publication.isConnected())
            {
                assertTrue(System.nanoTime() < deadline, "no connection");
                Thread.onSpinWait();
            }
            // The liveness check runs by time, not per message (and allocates a little); keep it out of the count.
            final DriverWatch watch = new DriverWatch(ProcessHandle.current().pid(), 600_000);
            final Offerer offerer = new Offerer("test", counters, new BackoffIdleStrategy(), watch, AbandonedConsumers.NONE);
            final MessageReceiver receiver = new MessageReceiver(
                new InputMatchers(inputs), assembler, new String[] {"in"}, new DroppedMessages("test", counters), counters);
            final FragmentAssembler fragments = new FragmentAssembler(receiver);
            final MessageHandler fromRing = (type, buffer, offset, length) -> receiver.onFragment(buffer, offset, length, null);
            final Runnable pollStream = () -> subscription.poll(fragments, 10);
            final Runnable pollRing = () -> ring.poll(fromRing, 10);
            final long[] holder = {PayloadSegment.holderBit(payloadSegment.slot())};
            long timeslice = 0;
            // Over Aeron IPC, then over the in-process ring of a process group (whose messages are the same bytes).
            for (final Outlet outlet : new Outlet[] {new PublicationOutlet(publication), new RingOutlet(ring)})
            {
                final int maxPayloadBytes = Math.min(1 << 20, outlet.maxMessageLength() - MessageLayout.PAYLOAD_OFFSET);
                final OutputChannel output = new OutputChannel(
                    "test", OutputSpec.parse("out:TST/COUNTER/0"), new Outlet[][] {{outlet}}, maxPayloadBytes, arena)
                    .segment(segment, 256 * 1024, new long[][] {holder});
                final Runnable poll = outlet instanceof RingOutlet ? pollRing : pollStream;
                for (final int payloadBytes : new int[] {64, 200_000, 4 << 20})
                {
                    // Warm up until the JIT has compiled the path (code still interpreted allocates what compiled code does not).
                    final long warmup = payloadBytes < 1000 ? 200_000 : 20_000;
                    exchange(timeslice, warmup, payloadBytes, output, offerer, poll, assembler);
                    timeslice += warmup;
                    // A late recompilation can allocate a little once; an allocation per message shows in every round.
                    final long count = payloadBytes < 1000 ? 100_000 : 5_000;
                    // One object per message is >= 16 B a message; a few KiB of JIT and idle-strategy noise is not.
                    long fewest = Long.MAX_VALUE;
                    for (int round = 0; round < 3 && fewest >= count * 4; round++)
                    {
                        final long before = threads.getCurrentThreadAllocatedBytes();
                        exchange(timeslice, count, payloadBytes, output, offerer, poll, assembler);
                        timeslice += count;
                        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                        System.out.printf("%s: %d messages of %d B: %d bytes allocated%n", outlet.describe(), count, payloadBytes, allocated);
                        fewest = Math.min(fewest, allocated);
                    }
                    assertTrue(fewest < count * 4, outlet.describe() + ": " + fewest + " bytes allocated for " + count +
                        " messages of " + payloadBytes + " B");
                }
            }
            assertEquals(0, counters.errors);
            assertEquals(segment.refsOut(), segment.refsIn());
            assertTrue(segment.refsOut() >= 50_000, "the 4 MiB payloads went through the segment, on both paths");
            assertEquals(0, payloadSegment.usedBytes(), "every block was released");
        }
        finally
        {
            Files.deleteIfExists(shmDir.resolve("payload.segment"));
            Files.deleteIfExists(shmDir);
        }
    }

    private void exchange(
        final long first,
        final long count,
        final int payloadBytes,
        final OutputChannel output,
        final Offerer offerer,
        final Runnable poll,
        final TimesliceAssembler assembler) throws Exception
    {
        for (long t = first; t < first + count; t++)
        {
            final MemorySegment payload = output.make(payloadBytes);
            payload.set(LONG, 0, t);
            output.send(t, 0, offerer);
            final long expected = sum + t;
            while (sum != expected)
            {
                poll.run();
                assembler.deliver(handler);
            }
        }
    }
}
