package org.jdpl.devices.reco.qc;

/**
 * Uniform bins of a histogram axis: {@code bins} between {@code min} and {@code max}. Written in options as
 * {@code "bins,min,max"} ({@code "25,0,5"}).
 */
public record Binning(int bins, double min, double max)
{
    public Binning
    {
        if (bins < 1 || bins > 10_000 || !(max > min) || !Double.isFinite(min) || !Double.isFinite(max))
        {
            throw new IllegalArgumentException("a binning needs 1 to 10000 bins and min < max, got " + bins + " bins in [" + min + ", " + max + ")");
        }
    }

    /** Parses {@code "bins,min,max"}; {@code option} names the option for the message. */
    public static Binning parse(final String option, final String text)
    {
        final String[] parts = text.split(",");
        if (parts.length != 3)
        {
            throw new IllegalArgumentException("option '" + option + "' = \"" + text + "\": write it as \"bins,min,max\", e.g. \"25,0,5\"");
        }
        try
        {
            return new Binning(Integer.parseInt(parts[0].strip()), Double.parseDouble(parts[1].strip()), Double.parseDouble(parts[2].strip()));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("option '" + option + "' = \"" + text + "\": bins must be a whole number and min, max numbers, " +
                "e.g. \"25,0,5\"");
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("option '" + option + "' = \"" + text + "\": " + ex.getMessage());
        }
    }

    /** The bin of {@code x}: -1 below, {@code bins} at or above {@code max} (and for NaN). */
    public int binOf(final double x)
    {
        if (x < min)
        {
            return -1;
        }
        final int bin = (int)((x - min) / (max - min) * bins);
        return x >= max || Double.isNaN(x) ? bins : Math.min(bin, bins - 1);
    }
}
