/**
 * The payload segment: one memory-mapped file in the run's /dev/shm directory, mapped by every
 * process of the run, from which producers allocate blocks that consumers read in place. Only a
 * block reference (a plain {@code long}) crosses process boundaries; the bytes never move.
 *
 * <p>{@link org.jdpl.transport.segment.PayloadSegment} is the API. The shared-memory layout
 * (header, page bitmap, block table, process table, data pages) is described in
 * {@link org.jdpl.transport.segment.SegmentLayout}; every shared word is changed with atomic
 * operations on the mapped memory, so no process takes a lock.
 */
package org.jdpl.transport.segment;
