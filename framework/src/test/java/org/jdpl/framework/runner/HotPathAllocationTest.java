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
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.EmbeddedMediaDriver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The send and receive path of the runner allocates nothing per message: output buffer, header
 * stamping, offer, fragment reassembly, decoding, input matching, payload copy and timeslice
 * delivery, over a real IPC stream, measured with the thread's allocation counter.
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
            TimesliceAssembler assembler = new TimesliceAssembler(inputs, Completion.ALL))
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!publication.isConnected())
            {
                assertTrue(System.nanoTime() < deadline, "no connection");
                Thread.onSpinWait();
            }
            final DriverWatch watch = new DriverWatch(ProcessHandle.current().pid(), 250);
            final Offerer offerer = new Offerer("test", counters, new BackoffIdleStrategy(), watch);
            final OutputChannel output = new OutputChannel(
                "test", OutputSpec.parse("out:TST/COUNTER/0"), new Publication[][] {{publication}}, 1 << 20, arena);
            final MessageReceiver receiver = new MessageReceiver(
                new InputMatchers(inputs), assembler, new String[] {"in"}, new DroppedMessages("test", counters), counters);
            final FragmentAssembler fragments = new FragmentAssembler(receiver);

            for (final int payloadBytes : new int[] {64, 200_000})
            {
                exchange(0, 20_000, payloadBytes, output, offerer, subscription, fragments, assembler); // warm up
                final long before = threads.getCurrentThreadAllocatedBytes();
                final long count = payloadBytes < 1000 ? 100_000 : 5_000;
                exchange(20_000, count, payloadBytes, output, offerer, subscription, fragments, assembler);
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                System.out.printf("%d messages of %d B: %d bytes allocated%n", count, payloadBytes, allocated);
                // One object per message is >= 16 B a message; a few KiB of JIT and idle-strategy noise is not.
                assertTrue(allocated < count * 4, allocated + " bytes allocated for " + count + " messages of " + payloadBytes + " B");
            }
            assertEquals(0, counters.errors);
        }
        finally
        {
            Files.deleteIfExists(shmDir);
        }
    }

    private void exchange(
        final long first,
        final long count,
        final int payloadBytes,
        final OutputChannel output,
        final Offerer offerer,
        final Subscription subscription,
        final FragmentAssembler fragments,
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
                subscription.poll(fragments, 10);
                assembler.deliver(handler);
            }
        }
    }
}
