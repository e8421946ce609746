package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.channel.Outlet;
import org.jdpl.framework.channel.RingOutlet;
import org.jdpl.framework.device.Input;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.transport.MessageLayout;
import org.jdpl.transport.inprocess.InProcessRing;
import org.jdpl.transport.segment.PayloadSegment;
import org.jdpl.transport.segment.SegmentContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fast path ({@link DirectDelivery}) and the general path ({@link TimesliceAssembler}) on the
 * same input give the same output, byte for byte: a forwarding device fed the same wire messages
 * (inline and segment-backed payloads of three sizes, timeslices out of order, a repeated
 * timeslice, a message for no input, a corrupt one) sends the same wire messages.
 */
class DirectDeliveryTest
{
    private static final int MESSAGES = 3000;
    private static final long[] SIZES = {64, 3000, 100_000};
    private static final long INLINE_MAX_BYTES = 16 * 1024;

    @Test
    void shouldTakeTheFastPathOnlyForOneInputThatCompletesAlone()
    {
        final TimesliceHandler handler = (timeslice, inputs) -> { };
        final List<InputSpec> one = List.of(InputSpec.parse("in:TST/COUNTER"));
        assertNotNull(DirectDelivery.forInputs(one, Completion.ALL, false, handler));
        assertNotNull(DirectDelivery.forInputs(one, Completion.ANY, false, handler));
        assertNull(DirectDelivery.forInputs(one, Completion.ORDERED, false, handler), "ordered waits for gaps");
        assertNull(DirectDelivery.forInputs(one, Completion.ALL, true, handler), "a durable input is acknowledged when done");
        assertNull(DirectDelivery.forInputs(List.of(InputSpec.parse("in:TST/COUNTER?lifetime=optional")), Completion.ALL, false, handler));
        assertNull(DirectDelivery.forInputs(List.of(InputSpec.parse("a:TST/A"), InputSpec.parse("b:TST/B")), Completion.ALL, false, handler));
    }

    @Test
    @Timeout(60)
    void shouldSendTheSameBytesOnTheFastAndTheGeneralPath() throws Exception
    {
        Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/shm")), "needs a writable /dev/shm");
        final Path file = Path.of("/dev/shm", "jdpl-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".segment");
        try (PayloadSegment payloadSegment = PayloadSegment.create(file, new SegmentContext().sizeBytes(64L << 20)))
        {
            final SegmentAccess segment = new SegmentAccess(payloadSegment, new BackoffIdleStrategy());
            final Run general = new Run(segment, false);
            final Run fast = new Run(segment, true);
            final byte[] generalBytes = general.forwardAll(payloadSegment);
            final byte[] fastBytes = fast.forwardAll(payloadSegment);

            assertTrue(generalBytes.length > MESSAGES * (long)MessageLayout.PAYLOAD_OFFSET, "the forwarder sent every message");
            assertArrayEquals(generalBytes, fastBytes);
            assertEquals(general.counters.bytesIn, fast.counters.bytesIn);
            assertEquals(general.timeslicesDelivered, fast.timeslicesDelivered);
            assertEquals(MESSAGES + (MESSAGES + 6) / 7, fast.timeslicesDelivered, "a repeated timeslice is delivered again, on both paths");
            assertTrue(segment.refsIn() > 0 && segment.refsIn() == segment.refsOut(), "large payloads went through the segment");
            assertEquals(0, payloadSegment.usedBytes(), "every block was released, on both paths");
        }
        finally
        {
            Files.deleteIfExists(file);
        }
    }

    /** A forwarder fed through one of the two paths; what it sends is collected as bytes. */
    private static final class Run
    {
        private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

        final RunnerCounters counters = new RunnerCounters();
        final List<InputSpec> inputs = List.of(InputSpec.parse("in:TST/COUNTER"));
        final SegmentAccess segment;
        final boolean fast;
        long timeslicesDelivered;

        Run(final SegmentAccess segment, final boolean fast)
        {
            this.segment = segment;
            this.fast = fast;
        }

        byte[] forwardAll(final PayloadSegment payloadSegment) throws Exception
        {
            final ByteArrayOutputStream sent = new ByteArrayOutputStream();
            final Offerer offerer = new Offerer("test", counters, new BackoffIdleStrategy(),
                new DriverWatch(ProcessHandle.current().pid(), 600_000), AbandonedConsumers.NONE);
            try (Arena arena = Arena.ofShared();
                InProcessRing in = new InProcessRing("forwarder", 1 << 20);
                InProcessRing out = new InProcessRing("sink", 1 << 20);
                TimesliceAssembler assembler = new TimesliceAssembler(inputs, Completion.ALL))
            {
                assembler.segment(segment);
                final long[][] holders = {{PayloadSegment.holderBit(payloadSegment.slot())}};
                final OutputChannel producer = new OutputChannel("source", OutputSpec.parse("out:TST/COUNTER/0"),
                    new Outlet[][] {{new RingOutlet(in)}}, 1 << 17, arena).segment(segment, INLINE_MAX_BYTES, holders);
                final OutputChannel stranger = new OutputChannel("other", OutputSpec.parse("out:TST/OTHER/0"),
                    new Outlet[][] {{new RingOutlet(in)}}, 1 << 17, arena);
                final OutputChannel forwarded = new OutputChannel("forwarder", OutputSpec.parse("out:TST/FORWARD/0"),
                    new Outlet[][] {{new RingOutlet(out)}}, 1 << 17, arena);
                final TimesliceHandler forwarder = (timeslice, inputs) -> forward(timeslice, inputs, forwarded, offerer);
                final MessageReceiver receiver = new MessageReceiver(new InputMatchers(inputs), assembler, new String[] {"in"},
                    new DroppedMessages("test", counters), counters);
                final DirectDelivery direct = fast ? DirectDelivery.forInputs(inputs, Completion.ALL, false, forwarder) : null;
                if (direct != null)
                {
                    receiver.direct(direct.segment(segment));
                }
                final org.agrona.concurrent.MessageHandler fromRing =
                    (type, buffer, offset, length) -> receiver.onFragment(buffer, offset, length, null);
                final UnsafeBuffer corrupt = new UnsafeBuffer(new byte[MessageLayout.PAYLOAD_OFFSET]);
                for (int i = 0; i < MESSAGES; i++)
                {
                    // Timeslices out of order in pairs (1, 0, 3, 2, ...), every 7th one sent twice.
                    final long timeslice = i ^ 1;
                    send(producer, timeslice, SIZES[i % SIZES.length], offerer);
                    if (i % 7 == 0)
                    {
                        send(producer, timeslice, SIZES[(i + 1) % SIZES.length], offerer);
                    }
                    if (i % 11 == 0)
                    {
                        send(stranger, timeslice, 64, offerer);
                        in.offer(corrupt, 0, corrupt.capacity());
                    }
                    // As the runner does: the fast path one message a poll, each handed over before the next.
                    while (direct != null && in.poll(fromRing, 1) > 0)
                    {
                        direct.deliver();
                    }
                    in.poll(fromRing, Integer.MAX_VALUE);
                    assembler.deliver(forwarder);
                    out.poll((type, buffer, offset, length) ->
                    {
                        final byte[] bytes = new byte[length];
                        buffer.getBytes(offset, bytes);
                        sent.writeBytes(bytes);
                    }, Integer.MAX_VALUE);
                }
                if (direct != null)
                {
                    direct.close();
                }
            }
            return sent.toByteArray();
        }

        private void forward(final long timeslice, final Inputs inputs, final OutputChannel output, final Offerer offerer)
        {
            timeslicesDelivered++;
            final Input input = inputs.get("in");
            final MemorySegment payload = input.payload();
            final MemorySegment copy = output.make(payload.byteSize() + 8);
            copy.set(LONG, 0, input.timeslice() * 31 + inputs.count());
            MemorySegment.copy(payload, 0, copy, 8, payload.byteSize());
            output.send(timeslice, 0, offerer);
        }

        private static void send(final OutputChannel output, final long timeslice, final long size, final Offerer offerer)
        {
            final MemorySegment payload = output.make(size);
            for (long b = 0; b < size; b += 8)
            {
                payload.set(LONG, b, timeslice * 1_000_003 + b);
            }
            output.send(timeslice, 0, offerer);
        }
    }
}
