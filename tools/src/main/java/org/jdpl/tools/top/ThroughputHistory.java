package org.jdpl.tools.top;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jdpl.framework.counters.CounterType;
import org.jdpl.tools.view.TimeSeriesReader.ReplicaValues;
import org.jdpl.tools.view.TimeSeriesReader.Sample;

/**
 * Each replica's throughput over the last minute, from the run's time series (the Driver's samples), drawn as a
 * sparkline: timeslices per second (taken in; sent, for a source) between consecutive samples, averaged into one
 * character per slice of the minute, scaled to the replica's highest rate in it.
 */
final class ThroughputHistory
{
    static final long WINDOW_MS = 60_000;
    private static final char[] LEVELS = {' ', '\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'};

    private final Set<String> sources;
    /** Per replica label: (epoch ms, timeslices counted) of each sample, oldest first. */
    private final Map<String, ArrayDeque<long[]>> points = new HashMap<>();
    private long latestMs;

    /** @param sources the devices whose throughput is what they send (they take nothing in) */
    ThroughputHistory(final Set<String> sources)
    {
        this.sources = sources;
    }

    void add(final Sample sample)
    {
        latestMs = Math.max(latestMs, sample.epochMs());
        for (final ReplicaValues r : sample.replicas())
        {
            final long counted = r.get((sources.contains(r.device()) ? CounterType.TIMESLICES_OUT : CounterType.TIMESLICES_IN).name());
            final ArrayDeque<long[]> deque = points.computeIfAbsent(r.label(), k -> new ArrayDeque<>());
            deque.addLast(new long[] {sample.epochMs(), counted});
            // one point older than the window stays: the rate into the window's first slice
            while (deque.size() > 2 && second(deque)[0] < latestMs - WINDOW_MS)
            {
                deque.removeFirst();
            }
        }
    }

    private static long[] second(final ArrayDeque<long[]> deque)
    {
        final var it = deque.iterator();
        it.next();
        return it.next();
    }

    /** The replica's last minute in {@code width} characters, oldest left; blanks where nothing was sampled. */
    String sparkline(final String label, final int width)
    {
        final ArrayDeque<long[]> deque = points.get(label);
        final double[] sum = new double[width];
        final int[] n = new int[width];
        if (deque != null)
        {
            long[] previous = null;
            for (final long[] p : deque)
            {
                if (previous != null && p[0] > previous[0])
                {
                    final int slice = (int)((p[0] - (latestMs - WINDOW_MS)) * width / WINDOW_MS);
                    if (slice >= 0)
                    {
                        final int at = Math.min(width - 1, slice);
                        sum[at] += Math.max(0, p[1] - previous[1]) * 1000.0 / (p[0] - previous[0]);
                        n[at]++;
                    }
                }
                previous = p;
            }
        }
        double max = 0;
        for (int i = 0; i < width; i++)
        {
            max = n[i] == 0 ? max : Math.max(max, sum[i] / n[i]);
        }
        final StringBuilder line = new StringBuilder(width);
        for (int i = 0; i < width; i++)
        {
            if (n[i] == 0)
            {
                line.append(' ');
            }
            else
            {
                final double rate = sum[i] / n[i];
                line.append(rate <= 0 || max <= 0 ? LEVELS[1] : LEVELS[1 + (int)Math.round(rate / max * (LEVELS.length - 2))]);
            }
        }
        return line.toString();
    }
}
