/**
 * The run's live counters: one shared-memory file ({@code counters.dat} in the run's shm directory)
 * laid out as Agrona counters (metadata + values), allocated once by the Driver for every device
 * replica and route of the plan, written by each device process and by the Driver, and read by any
 * other process ({@code dpl status}, {@code dpl top}) without disturbing the writers.
 * {@link org.jdpl.framework.counters.CounterType} is the one registry of type ids.
 */
package org.jdpl.framework.counters;
