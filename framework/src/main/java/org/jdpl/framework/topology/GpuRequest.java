package org.jdpl.framework.topology;

/**
 * What a device's {@code gpu} key asks for, checked.
 *
 * @param index       a GPU index, or {@link org.jdpl.framework.gpu.GpuReplica#AUTO}
 * @param share       {@code gpu.share}: whether replicas may share a GPU
 * @param backend     {@code gpu.backend}: {@code auto} or a backend name
 * @param memoryBytes {@code gpu.memory}: each replica's GPU memory pool
 * @param origin      where the key is written (the device's line when implied by its type)
 */
record GpuRequest(int index, boolean share, String backend, long memoryBytes, String origin)
{
}
