/**
 * The benchmarks behind {@code dpl bench}: each runs its subject in real processes with its
 * baselines in the same invocation. {@link org.jdpl.tools.bench.TransportBench} measures the
 * transport: raw Aeron IPC, small and large jdpl hand-offs, fan-out, in-process memcpy, and
 * durable (Chronicle) edges.
 */
package org.jdpl.tools.bench;
