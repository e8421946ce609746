package org.jdpl.gpu.reco;

import org.jdpl.devices.reco.device.ClusterizerFactory;
import org.jdpl.framework.device.Device;

/**
 * {@code gpu-clusterizer}: the {@code clusterizer} with the cluster search on the GPU it owns. Same
 * inputs, outputs and results as its CPU twin, so it drops into the chain in its place.
 */
public final class GpuClusterizerFactory extends GpuTwinFactory
{
    public GpuClusterizerFactory()
    {
        super(new ClusterizerFactory());
    }

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
    public Device create()
    {
        return new GpuClusterizerDevice();
    }
}
