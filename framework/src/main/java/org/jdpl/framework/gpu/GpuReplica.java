package org.jdpl.framework.gpu;

import java.util.Locale;

/**
 * One replica of a GPU device, with the GPU its topology asks for.
 *
 * @param device    the device's name
 * @param replica   the replica index, 0-based
 * @param requested a GPU index, or {@link #AUTO}
 */
public record GpuReplica(String device, int replica, int requested)
{
    public static final int AUTO = -1;

    public GpuReplica
    {
        if (requested < AUTO)
        {
            throw new IllegalArgumentException("GPU index " + requested + " of " + device + "#" + replica + " is negative");
        }
    }

    /**
     * Reads a {@code gpu} option value: {@code auto} or a non-negative index.
     *
     * @throws IllegalArgumentException with a message for the user otherwise
     */
    public static int parseRequest(final String value)
    {
        final String text = value.strip().toLowerCase(Locale.ROOT);
        if (text.equals("auto"))
        {
            return AUTO;
        }
        try
        {
            final int index = Integer.parseInt(text);
            if (index >= 0)
            {
                return index;
            }
        }
        catch (final NumberFormatException e)
        {
            // Reported below.
        }
        throw new IllegalArgumentException("gpu = " + value + " is neither auto nor a GPU index (0, 1, ...)");
    }

    /** {@code reco#1}, as the log prefixes say. */
    public String label()
    {
        return device + "#" + replica;
    }
}
