package org.jdpl.tools.view;

import java.util.Locale;

/** Short human figures for narrow columns. */
public final class Units
{
    private Units()
    {
    }

    /** 850ns, 12us, 3.4ms, 1.2s; "-" for nothing measured. */
    public static String nanos(final long nanos)
    {
        if (nanos <= 0)
        {
            return "-";
        }
        if (nanos < 1_000)
        {
            return nanos + "ns";
        }
        if (nanos < 1_000_000)
        {
            return nanos / 1_000 + "us";
        }
        if (nanos < 1_000_000_000)
        {
            return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }

    /** 512K, 85M, 1.2G; "-" when unknown. */
    public static String bytes(final long bytes)
    {
        if (bytes <= 0)
        {
            return "-";
        }
        if (bytes < 1 << 20)
        {
            return (bytes >> 10) + "K";
        }
        if (bytes < 1L << 30)
        {
            return (bytes >> 20) + "M";
        }
        return String.format(Locale.ROOT, "%.1fG", bytes / (double)(1L << 30));
    }

    /** 12, 1.2k, 3.4M per second. */
    public static String rate(final double perSecond)
    {
        if (perSecond < 1_000)
        {
            return String.format(Locale.ROOT, "%.0f", perSecond);
        }
        if (perSecond < 1_000_000)
        {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.1fM", perSecond / 1e6);
    }
}
