/**
 * The payload segment: one memory-mapped file in the run's /dev/shm directory, mapped by every
 * process of the run, from which producers allocate blocks that consumers read in place. Only a
 * block reference (a plain {@code long}, see {@link org.jdpl.transport.segment.BlockRef}) crosses
 * process boundaries; the bytes never move.
 *
 * <p>{@link org.jdpl.transport.segment.PayloadSegment} is the API, with
 * {@link org.jdpl.transport.segment.SegmentContext} its settings. Inside: {@code SegmentFile} maps
 * the file, {@code SegmentLayout} places the header, the two-level page bitmap
 * ({@code PageBitmap}), the block table ({@code BlockTable}: holder masks, sizes, generations) and
 * the process table ({@code ProcessTable}: one slot per attached process); {@code BlockAllocator}
 * steps a block through its life; {@code LeakSweep} recovers what the narrowest crash windows leave.
 * Every shared word changes by an atomic operation on the mapped memory; no process takes a lock.
 */
package org.jdpl.transport.segment;
