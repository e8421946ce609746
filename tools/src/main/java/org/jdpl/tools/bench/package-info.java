/**
 * The benchmarks behind {@code dpl bench}: each runs its subject in real processes with its
 * baselines in the same invocation. {@link org.jdpl.tools.bench.TransportBench} measures the
 * transport: raw Aeron IPC, small and large jdpl hand-offs, fan-out, in-process memcpy, and
 * durable (Chronicle) edges. {@link org.jdpl.tools.bench.RateBench} runs a chain with a slow stage
 * under the plain in-flight limit and with smoothing, sampling the timeframes in flight from the
 * run's counters ({@code InFlightSampler}).
 */
package org.jdpl.tools.bench;
