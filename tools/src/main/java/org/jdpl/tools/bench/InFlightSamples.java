package org.jdpl.tools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * In-flight samples of one run ({@link InFlightSampler}) and the figures of their steady phase:
 * from when the sinks completed {@link #STEADY_FROM} of the timeframes to {@link #STEADY_TO},
 * leaving out the start (processes connecting, the limit filling) and the drain at the end.
 */
record InFlightSamples(long[] timesNs, long[] produced, long[] done)
{
    static final double STEADY_FROM = 0.1;
    static final double STEADY_TO = 0.9;

    /** Mean, standard deviation of the timeframes in flight, and timeframes completed per second, in the steady phase. */
    Steady steady(final long timeframes)
    {
        final long from = (long)(timeframes * STEADY_FROM);
        final long to = (long)(timeframes * STEADY_TO);
        int first = -1;
        int last = -1;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < timesNs.length; i++)
        {
            if (done[i] < from || done[i] > to)
            {
                continue;
            }
            first = first < 0 ? i : first;
            last = i;
            final double inFlight = produced[i] - done[i];
            sum += inFlight;
            squares += inFlight * inFlight;
        }
        if (first < 0 || last == first)
        {
            throw new IllegalStateException("too few in-flight samples in the steady phase (" + timesNs.length +
                " samples in all): the run was too short to measure");
        }
        final int n = last - first + 1;
        final double mean = sum / n;
        final double stddev = Math.sqrt(Math.max(0, squares / n - mean * mean));
        final double seconds = (timesNs[last] - timesNs[first]) / 1e9;
        return new Steady(n, mean, stddev, (done[last] - done[first]) / seconds);
    }

    /** Writes the samples as tab-separated microseconds since the first, produced, done, in flight. */
    void writeTsv(final Path file)
    {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file)))
        {
            out.println("us\tproduced\tdone\tin_flight");
            for (int i = 0; i < timesNs.length; i++)
            {
                out.println((timesNs[i] - timesNs[0]) / 1_000 + "\t" + produced[i] + "\t" + done[i] + "\t" + (produced[i] - done[i]));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the samples to " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** The figures of the steady phase. */
    record Steady(int samples, double meanInFlight, double stddevInFlight, double timeframesPerSecond)
    {
    }
}
