package org.jdpl.tools.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.plan.NetSettings;
import org.jdpl.transport.EmbeddedMediaDriver;

/**
 * Baseline for {@code dpl bench net}: raw Aeron UDP with no framework between two hosts. Each side is
 * its own process with its own media driver (one Aeron directory per host, as every jdpl host has):
 * {@code subscribe AERON_DIR ENDPOINT MESSAGES BYTES} prints {@code READY}, then
 * {@code RESULT <msgs/s>} measured from the first to the last whole message;
 * {@code publish AERON_DIR ENDPOINT MESSAGES BYTES} sends as fast as the subscriber takes them.
 * Both wait with the idle strategy jdpl's devices use by default (back off, then park): busy spinning
 * beside two media drivers on a 2-core machine starves them, and measured the machine, not Aeron.
 */
public final class AeronUdpBench
{
    static final String READY = "READY";
    static final String RESULT = "RESULT ";
    static final int STREAM_ID = 11;
    private static final long IDLE_LIMIT_NS = TimeUnit.SECONDS.toNanos(20);

    private AeronUdpBench()
    {
    }

    public static void main(final String[] args)
    {
        final String mode = args[0];
        final Path aeronDir = Path.of(args[1]);
        // The same frame size, term length and buffers as jdpl's cross-host channels, so the two compare.
        final String channel = "aeron:udp?endpoint=" + args[2] + NetSettings.DEFAULTS.channelParameters();
        final long messages = Long.parseLong(args[3]);
        final int messageBytes = Integer.parseInt(args[4]);
        int exitCode = 0;
        try (EmbeddedMediaDriver driver = EmbeddedMediaDriver.launch(aeronDir);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir.toString())))
        {
            if ("publish".equals(mode))
            {
                publish(aeron, channel, messages, messageBytes);
            }
            else
            {
                final double rate = subscribe(aeron, channel, messages);
                if (rate < 0)
                {
                    System.out.println("no message for " + TimeUnit.NANOSECONDS.toSeconds(IDLE_LIMIT_NS) + " s; giving up");
                    exitCode = 1;
                }
                else
                {
                    System.out.println(RESULT + rate);
                }
            }
        }
        System.exit(exitCode);
    }

    private static void publish(final Aeron aeron, final String channel, final long messages, final int messageBytes)
    {
        try (Publication publication = aeron.addPublication(channel, STREAM_ID))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(messageBytes));
            final IdleStrategy idle = new BackoffIdleStrategy();
            final long connectDeadline = System.nanoTime() + IDLE_LIMIT_NS;
            while (!publication.isConnected() && System.nanoTime() < connectDeadline)
            {
                idle.idle();
            }
            for (long i = 0; i < messages && publication.isConnected(); i++)
            {
                buffer.putLong(0, i);
                while (publication.offer(buffer, 0, messageBytes) < 0)
                {
                    if (!publication.isConnected())
                    {
                        return;
                    }
                    idle.idle();
                }
                idle.reset();
            }
            // The subscriber still has to take the tail; the bench stops this process when it has.
            final long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (publication.isConnected() && System.nanoTime() < drainDeadline)
            {
                idle.idle();
            }
        }
    }

    /** Returns messages per second, or -1 when the stream stalled. */
    private static double subscribe(final Aeron aeron, final String channel, final long messages)
    {
        try (Subscription subscription = aeron.addSubscription(channel, STREAM_ID))
        {
            System.out.println(READY);
            final long[] state = new long[3]; // count, first ns, last ns
            final FragmentHandler handler = new FragmentAssembler((buffer, offset, length, header) ->
            {
                final long now = System.nanoTime();
                if (state[0] == 0)
                {
                    state[1] = now;
                }
                state[2] = now;
                state[0]++;
            });
            final IdleStrategy idle = new BackoffIdleStrategy();
            long lastProgressNs = System.nanoTime();
            while (state[0] < messages)
            {
                final int read = subscription.poll(handler, 256);
                if (read > 0)
                {
                    lastProgressNs = System.nanoTime();
                }
                else if (System.nanoTime() - lastProgressNs > IDLE_LIMIT_NS)
                {
                    return -1;
                }
                idle.idle(read);
            }
            return (state[0] - 1) * 1e9 / Math.max(1, state[2] - state[1]);
        }
    }
}
