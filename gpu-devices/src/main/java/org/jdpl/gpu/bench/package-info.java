/**
 * GPU benchmarks as library calls, for {@code dpl bench gpu} to run and print: each measures the
 * GPU path against the CPU reference on the same timeframes, in the same run.
 */
package org.jdpl.gpu.bench;
