package org.jdpl.gpu;

/**
 * One kernel of a built program, with its arguments. Arguments stay set between launches, so a
 * device sets the buffers once per timeframe and launches many times.
 */
public interface GpuKernel
{
    String name();

    GpuKernel arg(int index, GpuBuffer buffer);

    GpuKernel arg(int index, int value);

    GpuKernel arg(int index, float value);
}
