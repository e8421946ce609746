/**
 * The OpenCL backend over the FFM API ({@code java.lang.foreign}): hand-written downcalls into the
 * system's {@code libOpenCL.so.1} ICD loader, so it runs on PoCL, NVIDIA, AMD and Intel drivers
 * with no native library of our own.
 */
package org.jdpl.gpu.opencl;
