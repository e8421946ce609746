/**
 * The CUDA backend over the FFM API: the CUDA driver API ({@code libcuda.so.1}) for devices,
 * memory and launches, and NVRTC ({@code libnvrtc.so}) to compile the portable kernel source at
 * run time. Both are loaded only where they exist; elsewhere the backend's probe says which is
 * missing and selection falls back.
 */
package org.jdpl.gpu.cuda;
