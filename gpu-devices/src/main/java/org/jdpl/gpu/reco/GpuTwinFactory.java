package org.jdpl.gpu.reco;

import java.util.List;

import org.jdpl.devices.reco.device.RecoThreads;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/**
 * A GPU device type standing in for a CPU one, its twin: the twin's inputs, outputs and options,
 * and a GPU of its own, so it drops into the chain in the twin's place.
 */
abstract class GpuTwinFactory implements DeviceFactory
{
    private final DeviceFactory twin;

    GpuTwinFactory(final DeviceFactory twin)
    {
        this.twin = twin;
    }

    @Override
    public final List<String> inputs()
    {
        return twin.inputs();
    }

    @Override
    public final List<String> outputs()
    {
        return twin.outputs();
    }

    @Override
    public final List<OptionSpec> options()
    {
        // The GPU twin handles a timeframe whole on its GPU: the CPU step's worker threads do not apply.
        return twin.options().stream().filter(option -> !option.name().equals(RecoThreads.NAME)).toList();
    }

    @Override
    public final boolean usesGpu()
    {
        return true;
    }
}
