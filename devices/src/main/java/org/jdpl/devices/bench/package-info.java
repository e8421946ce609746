/**
 * Devices for benchmarks ({@code dpl bench}): {@code bench-source} stamps each payload with the
 * monotonic clock just before asking for its memory, {@code bench-sink} records, per timeslice,
 * the time from that stamp to the end of its processing (when the runner releases the payload) in
 * an HdrHistogram, and its throughput. System.nanoTime is CLOCK_MONOTONIC on Linux, the same clock
 * in every process, so stamps compare across processes.
 */
package org.jdpl.devices.bench;
