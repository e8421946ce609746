package org.jdpl.devices.reco.qc;

import java.util.Arrays;

/**
 * A one-dimensional histogram with uniform bins, underflow and overflow, and counts as doubles (so weights and merged
 * histograms add exactly for whole counts). Our own: HdrHistogram, the kept histogram library, bins non-negative
 * integer values logarithmically for latencies, and residuals, pulls and rates need signed values in linear bins.
 */
public final class Histogram1D
{
    private final String name;
    private final String title;
    private final String xLabel;
    private final Binning binning;
    private final double[] counts;
    private double underflow;
    private double overflow;
    private double sum;
    private double sumSquares;
    private long entries;

    public Histogram1D(final String name, final String title, final String xLabel, final Binning binning)
    {
        this.name = name;
        this.title = title;
        this.xLabel = xLabel;
        this.binning = binning;
        this.counts = new double[binning.bins()];
    }

    public void fill(final double x)
    {
        final int bin = binning.binOf(x);
        if (bin < 0)
        {
            underflow++;
        }
        else if (bin >= counts.length)
        {
            overflow++;
        }
        else
        {
            counts[bin]++;
        }
        if (Double.isFinite(x))
        {
            sum += x;
            sumSquares += x * x;
        }
        entries++;
    }

    /** Adds {@code other}'s contents (same binning). */
    public void add(final Histogram1D other)
    {
        if (!binning.equals(other.binning))
        {
            throw new IllegalArgumentException(name + ": cannot add a histogram binned " + other.binning + " to one binned " + binning);
        }
        for (int i = 0; i < counts.length; i++)
        {
            counts[i] += other.counts[i];
        }
        underflow += other.underflow;
        overflow += other.overflow;
        sum += other.sum;
        sumSquares += other.sumSquares;
        entries += other.entries;
    }

    public String name()
    {
        return name;
    }

    public String title()
    {
        return title;
    }

    public String xLabel()
    {
        return xLabel;
    }

    public Binning binning()
    {
        return binning;
    }

    public double count(final int bin)
    {
        return counts[bin];
    }

    /** A copy of the in-range bin counts. */
    public double[] counts()
    {
        return Arrays.copyOf(counts, counts.length);
    }

    public double underflow()
    {
        return underflow;
    }

    public double overflow()
    {
        return overflow;
    }

    public long entries()
    {
        return entries;
    }

    /** Mean of the finite values filled, under- and overflow included; NaN when empty. */
    public double mean()
    {
        return entries == 0 ? Double.NaN : sum / entries;
    }

    /** Standard deviation of the finite values filled; NaN when empty. */
    public double rms()
    {
        if (entries == 0)
        {
            return Double.NaN;
        }
        final double mean = sum / entries;
        return Math.sqrt(Math.max(0, sumSquares / entries - mean * mean));
    }

    /** Sum of the finite values filled (with {@link #sumSquares()}: the mean and RMS survive merging). */
    public double sum()
    {
        return sum;
    }

    public double sumSquares()
    {
        return sumSquares;
    }

    /** A histogram with these contents, as read back from its JSON. */
    static Histogram1D of(final String name, final String title, final String xLabel, final Binning binning, final double[] counts,
        final double underflow, final double overflow, final long entries, final double sum, final double sumSquares)
    {
        final Histogram1D h = new Histogram1D(name, title, xLabel, binning);
        System.arraycopy(counts, 0, h.counts, 0, counts.length);
        h.underflow = underflow;
        h.overflow = overflow;
        h.entries = entries;
        h.sum = sum;
        h.sumSquares = sumSquares;
        return h;
    }
}
