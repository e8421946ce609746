/**
 * The CPU reference backend: GPU buffers are native host memory and each kernel runs as its Java
 * implementation ({@link org.jdpl.gpu.CpuKernel}). Always available; the results every GPU
 * backend is compared against.
 */
package org.jdpl.gpu.cpu;
