package org.jdpl.devices.builtin;

import java.util.List;

import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/**
 * {@code payload-compare}: a sink that checks two producers made the same bytes for each timeslice,
 * e.g. a GPU device against its CPU twin; {@code dpl bench gpu} reads its metrics.
 */
public final class PayloadCompareFactory implements DeviceFactory
{
    @Override
    public String type()
    {
        return "payload-compare";
    }

    @Override
    public String description()
    {
        return "compares the payloads of inputs 'expected' and 'actual' per timeslice, byte for byte; metrics identical, different";
    }

    @Override
    public List<String> inputs()
    {
        return List.of(PayloadCompare.EXPECTED + ":TST/EXPECTED", PayloadCompare.ACTUAL + ":TST/ACTUAL");
    }

    @Override
    public List<String> outputs()
    {
        return List.of();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of();
    }

    @Override
    public Device create()
    {
        return new PayloadCompare();
    }
}
