package org.jdpl.devices.reco.device;

import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.device.OptionType;

/**
 * The {@code threads} option of the steps that may spread a timeframe's events over several threads
 * (seeder, track finder): fewer processes, and less memory, for the same throughput on a many-core node.
 * The output bytes do not depend on it.
 */
public final class RecoThreads
{
    public static final String NAME = "threads";
    public static final OptionSpec OPTION =
        OptionSpec.ranged(NAME, OptionType.INT, 1, 256, "threads sharing a timeframe's events (the output does not depend on it)");

    private RecoThreads()
    {
    }
}
