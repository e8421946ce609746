/**
 * GPUs as the planner and driver see them, knowing no backend: {@link org.jdpl.framework.gpu.GpuDiscovery}
 * (the SPI a GPU module implements to say which GPUs there are), {@link org.jdpl.framework.gpu.GpuAssigner}
 * (a distinct GPU index for each GPU device replica, or clearly why not), and
 * {@link org.jdpl.framework.gpu.GpuProcessEnvironment} (the variables a process owning one GPU is started with).
 */
package org.jdpl.framework.gpu;
