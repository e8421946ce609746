package org.jdpl.gpu.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/**
 * Client-side latencies of service requests, one HdrHistogram per client device replica, written at its
 * end of stream to {@code <run dir>/service-latency/<device>-<replica>.hdr} (compressed, base64), so the
 * benchmark can add up the histograms of every client run instead of averaging percentiles; beside it the
 * wall-clock time of each measured reply ({@code .replies}), so it can count the replies while all clients were running.
 */
public final class ServiceLatencies
{
    static final long HIGHEST_NS = TimeUnit.SECONDS.toNanos(120);
    private static final String DIR = "service-latency";
    private static final String TIMES = ".replies";

    private ServiceLatencies()
    {
    }

    public static Histogram histogram()
    {
        return new Histogram(1_000, HIGHEST_NS, 3);
    }

    static void write(final Path runDir, final String device, final int replica, final Histogram h, final long[] replyTimesUs)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        final int length = h.encodeIntoCompressedByteBuffer(buffer);
        try
        {
            Files.createDirectories(runDir.resolve(DIR));
            Files.writeString(runDir.resolve(DIR).resolve(device + "-" + replica + ".hdr"),
                Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length)));
            Files.writeString(runDir.resolve(DIR).resolve(device + "-" + replica + TIMES),
                Arrays.stream(replyTimesUs).mapToObj(Long::toString).collect(Collectors.joining("\n")));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write the service latencies of " + device + ": " + e.getMessage(), e);
        }
    }

    /** The wall-clock times (epoch microseconds) of every measured reply of the client devices of the run in {@code runDir}. */
    public static long[] replyTimesUs(final Path runDir)
    {
        final Path dir = runDir.resolve(DIR);
        if (!Files.isDirectory(dir))
        {
            return new long[0];
        }
        try (Stream<Path> files = Files.list(dir))
        {
            final StringBuilder all = new StringBuilder();
            for (final Path f : files.filter(p -> p.toString().endsWith(TIMES)).toList())
            {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString().lines().filter(l -> !l.isBlank()).mapToLong(Long::parseLong).toArray();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read the reply times in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Adds every client histogram under {@code runDir} into {@code into}. */
    public static void addAll(final Path runDir, final Histogram into)
    {
        final Path dir = runDir.resolve(DIR);
        if (!Files.isDirectory(dir))
        {
            return;
        }
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path f : files.filter(p -> p.toString().endsWith(".hdr")).toList())
            {
                final byte[] bytes = Base64.getDecoder().decode(Files.readString(f).strip());
                into.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
            }
        }
        catch (final IOException | DataFormatException e)
        {
            throw new IllegalStateException("cannot read the service latencies in " + dir + ": " + e.getMessage(), e);
        }
    }
}
