package org.jdpl.framework.device;

/** Who this device instance is in the running topology. */
public interface DeviceInfo
{
    /** The device's name in the topology. */
    String name();

    /** The type name ({@code counter-source}). */
    String type();

    /** 0 .. replicas()-1 */
    int replica();

    /** The pipeline width of this device. */
    int replicas();
}
