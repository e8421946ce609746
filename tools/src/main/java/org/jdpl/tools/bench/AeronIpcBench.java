package org.jdpl.tools.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.jdpl.framework.driver.JvmFlags;
import org.jdpl.transport.EmbeddedMediaDriver;

/**
 * Baseline (a): raw Aeron IPC with no framework, a publisher process sending 64-byte messages as
 * fast as they are taken and a subscriber process counting them; the rate is taken at the
 * subscriber, from the first to the last message. {@link #main} is the entry point of both processes.
 */
public final class AeronIpcBench
{
    private static final String RESULT = "RESULT ";
    private static final int STREAM_ID = 10;
    /** The baseline message size. */
    static final int SMALL_MESSAGE_BYTES = 64;

    private AeronIpcBench()
    {
    }

    /** Runs publisher and subscriber processes over a media driver in {@code shmDir}; returns messages per second. */
    static double run(final Path shmDir, final long messages, final int messageBytes)
    {
        try (EmbeddedMediaDriver media = EmbeddedMediaDriver.launch(shmDir.resolve("aeron-" + messageBytes)))
        {
            final Process subscriber = start("subscribe", media.aeronDir(), messages, messageBytes);
            final Process publisher = start("publish", media.aeronDir(), messages, messageBytes);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                final StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null)
                {
                    if (line.startsWith(RESULT))
                    {
                        return Double.parseDouble(line.substring(RESULT.length()).trim());
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("the Aeron subscriber process ended without a result:\n" + seen);
            }
            finally
            {
                publisher.destroyForcibly();
                subscriber.destroyForcibly();
                waitFor(publisher);
                waitFor(subscriber);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("the raw Aeron benchmark could not run: " + ex.getMessage(), ex);
        }
    }

    public static void main(final String[] args)
    {
        final String mode = args[0];
        final String aeronDir = args[1];
        final long messages = Long.parseLong(args[2]);
        final int messageBytes = Integer.parseInt(args[3]);
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir)))
        {
            if ("publish".equals(mode))
            {
                publish(aeron, messages, messageBytes);
            }
            else
            {
                System.out.println(RESULT + subscribe(aeron, messages));
            }
        }
        System.exit(0);
    }

    private static void publish(final Aeron aeron, final long messages, final int messageBytes)
    {
        try (Publication publication = aeron.addPublication("aeron:ipc", STREAM_ID))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(messageBytes));
            while (!publication.isConnected())
            {
                Thread.onSpinWait();
            }
            for (long i = 0; i < messages; i++)
            {
                buffer.putLong(0, i);
                while (publication.offer(buffer, 0, messageBytes) < 0)
                {
                    Thread.onSpinWait();
                }
            }
            // Let the subscriber drain before the publication goes.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (publication.isConnected() && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
        }
    }

    private static double subscribe(final Aeron aeron, final long messages)
    {
        try (Subscription subscription = aeron.addSubscription("aeron:ipc", STREAM_ID))
        {
            final long[] state = new long[3]; // count, first ns, last ns
            final FragmentHandler handler = (buffer, offset, length, header) ->
            {
                final long now = System.nanoTime();
                if (state[0] == 0)
                {
                    state[1] = now;
                }
                state[2] = now;
                state[0]++;
            };
            while (state[0] < messages)
            {
                if (subscription.poll(handler, 256) == 0)
                {
                    Thread.onSpinWait();
                }
            }
            return (state[0] - 1) * 1e9 / Math.max(1, state[2] - state[1]);
        }
    }

    private static Process start(final String mode, final Path aeronDir, final long messages, final int messageBytes)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JvmFlags.load());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AeronIpcBench.class.getName());
        command.add(mode);
        command.add(aeronDir.toString());
        command.add(Long.toString(messages));
        command.add(Integer.toString(messageBytes));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void waitFor(final Process process)
    {
        try
        {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
