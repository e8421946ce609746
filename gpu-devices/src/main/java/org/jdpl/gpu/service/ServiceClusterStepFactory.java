package org.jdpl.gpu.service;

import org.jdpl.devices.reco.device.ClusterizerFactory;

/** {@code service-cluster-step}: {@code service-step} with the clusterizer's ports, in place of gpu-clusterizer. */
public final class ServiceClusterStepFactory extends ServiceStepFactory
{
    public ServiceClusterStepFactory()
    {
        super("service-cluster-step", new ClusterizerFactory());
    }
}
