/**
 * The GPU API a GPU device programs against: {@link org.jdpl.gpu.GpuBackend} plugins (found with
 * ServiceLoader) probed and chosen by {@link org.jdpl.gpu.BackendSelector}, a {@link org.jdpl.gpu.GpuContext}
 * per owned GPU (buffers, programs, kernel launches, copies), and the {@link org.jdpl.gpu.GpuMemoryPool}
 * allocated once per device and reset after every timeframe. Implementations live in the
 * {@code cuda}, {@code opencl} and {@code cpu} packages. {@link org.jdpl.gpu.BackendDiscovery} tells
 * the planner (through the framework's {@code GpuDiscovery} SPI) which GPUs there are.
 */
package org.jdpl.gpu;
