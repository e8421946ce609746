package org.jdpl.gpu.reco;

import java.util.List;

import org.jdpl.devices.reco.device.ClusterizerFactory;
import org.jdpl.framework.device.Device;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.device.OptionSpec;

/**
 * {@code gpu-clusterizer}: the {@code clusterizer} with the cluster search on the GPU it owns. Same
 * inputs, outputs and results as its CPU twin, so it drops into the chain in its place.
 */
public final class GpuClusterizerFactory implements DeviceFactory
{
    private final ClusterizerFactory twin = new ClusterizerFactory();

    @Override
    public String type()
    {
        return "gpu-clusterizer";
    }

    @Override
    public String description()
    {
        return "clusterizer on a GPU: connected components of a whole timeframe's cells labelled on the GPU, spacepoints equal to clusterizer's";
    }

    @Override
    public List<String> inputs()
    {
        return twin.inputs();
    }

    @Override
    public List<String> outputs()
    {
        return twin.outputs();
    }

    @Override
    public List<OptionSpec> options()
    {
        return List.of();
    }

    @Override
    public boolean usesGpu()
    {
        return true;
    }

    @Override
    public Device create()
    {
        return new GpuClusterizerDevice();
    }
}
