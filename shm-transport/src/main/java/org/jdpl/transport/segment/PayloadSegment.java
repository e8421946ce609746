package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

import org.agrona.concurrent.IdleStrategy;


/**
 * One process's attachment to the run's payload segment: a file in /dev/shm mapped by every process
 * of the run, from which producers allocate blocks that consumers read in place.
 *
 * <p>The Driver {@link #create creates} the segment; each device process {@link #open opens} it and
 * so takes a process slot, whose index is its bit in the holder mask of every block. A block's life:
 * <ol>
 *   <li>the producer allocates it ({@link #tryAllocate} or the waiting {@link #allocate}): it alone holds it;</li>
 *   <li>writes the payload into {@link #writable}, then {@link #publish}es it to its consumers' slots
 *       before sending the reference, which hands its hold over to them in one atomic step;</li>
 *   <li>each consumer reads {@link #readOnly} (the producer's bytes, same file and offset) and
 *       {@link #release}s once; the release that clears the last holder bit frees the pages.</li>
 * </ol>
 *
 * <p>Crash safety: holders are named (a bit per slot), not counted, so the Driver can
 * {@link #reclaim} a dead process's slot without knowing what it was doing; {@link SegmentRecovery}
 * says why that is safe and what it leaves.
 *
 * <p>The allocation, publish and release paths take no lock and allocate no objects; only
 * {@link #writable} and {@link #readOnly} create a view object (use {@link #memory()} with
 * {@link #payloadOffset} to avoid even that). One instance may be used by several threads.
 */
public final class PayloadSegment implements AutoCloseable
{
    private final SegmentFile file;
    private final MemorySegment memory;
    private final MemorySegment readOnlyMemory;
    private final SegmentLayout layout;
    private final BlockAllocator allocator;
    private final BlockTable blocks;
    private final ProcessTable processes;
    private final SpaceWaits waits;
    private final SegmentRecovery recovery;
    private final int pageShift;
    private final int slot;
    private final long pid;
    private boolean closed;

    private PayloadSegment(final SegmentFile file, final int requestedSlot)
    {
        this.file = file;
        this.memory = file.memory();
        this.readOnlyMemory = memory.asReadOnly();
        this.layout = file.layout();
        this.allocator = new BlockAllocator(memory, layout);
        this.blocks = allocator.blocks();
        this.processes = new ProcessTable(memory, layout);
        this.pageShift = Long.numberOfTrailingZeros(layout.pageSizeBytes());
        this.pid = ProcessHandle.current().pid();
        this.slot = requestedSlot >= 0 ? attachAt(requestedSlot) : attachAnywhere();
        this.waits = new SpaceWaits(memory, allocator, processes, slot);
        this.recovery = new SegmentRecovery(file.path(), allocator, processes, slot);
    }

    private int attachAt(final int requestedSlot)
    {
        holderBit(requestedSlot);
        final int attached = processes.attachAt(requestedSlot, ProcessHandle.current());
        if (attached < 0)
        {
            throw new PayloadSegmentException("process slot " + requestedSlot + " of payload segment " + file.path() +
                " is taken by pid " + processes.pid(requestedSlot) + ": two processes were given the same slot, or " +
                "its previous process died and was not reclaimed (reclaimDeadProcesses).");
        }
        return attached;
    }

    private int attachAnywhere()
    {
        final int attached = processes.attach(ProcessHandle.current());
        if (attached < 0)
        {
            throw new PayloadSegmentException("all " + SegmentLayout.MAX_PROCESSES + " process slots of payload segment " +
                file.path() + " are taken: a run may attach at most that many processes. Reclaim dead ones, or run fewer.");
        }
        return attached;
    }

    /**
     * Creates a new segment file (never overwrites one) and attaches to it; done by the Driver.
     * The file is sparse: memory is taken page by page as payloads first touch it.
     */
    public static PayloadSegment create(final Path path, final SegmentContext context)
    {
        return attach(SegmentFile.create(path, context), -1);
    }

    /** Opens the run's segment and attaches this process to the first free slot. */
    public static PayloadSegment open(final Path path)
    {
        return attach(SegmentFile.open(path), -1);
    }

    /**
     * Opens the run's segment and attaches this process to the slot the Driver assigned it, so
     * producers know their consumers' holder bits from the plan without asking anyone.
     */
    public static PayloadSegment open(final Path path, final int slot)
    {
        return attach(SegmentFile.open(path), slot);
    }

    private static PayloadSegment attach(final SegmentFile file, final int slot)
    {
        try
        {
            return new PayloadSegment(file, slot);
        }
        catch (final RuntimeException ex)
        {
            file.abandon();
            throw ex;
        }
    }

    /**
     * Allocates a block for a payload of {@code sizeBytes} without waiting. Returns its reference, or
     * {@link BlockRef#NO_SPACE} when no run of free pages is long enough right now (back-pressure:
     * try again when consumers have released). A request larger than the whole segment is an error.
     */
    public long tryAllocate(final long sizeBytes)
    {
        return allocator.tryAllocate(pagesFor(sizeBytes), sizeBytes, slot);
    }

    /**
     * Allocates a block, waiting with {@code idleStrategy} while the segment is full. Returns the
     * reference, or {@link BlockRef#TIMED_OUT} after {@code timeoutNs} ({@link Long#MAX_VALUE}: wait
     * for ever). Every wait is counted, with its duration, in {@link #backPressureWaits()}.
     */
    public long allocate(final long sizeBytes, final IdleStrategy idleStrategy, final long timeoutNs)
    {
        return waits.allocate(pagesFor(sizeBytes), sizeBytes, idleStrategy, timeoutNs);
    }

    /**
     * Hands the producer's hold over to the processes in {@code holders} (a mask of
     * {@link #holderBit slot bits}; 0 frees the block), in one atomic step, before the reference is
     * sent. Only the allocating process may publish, once.
     */
    public void publish(final long ref, final long holders)
    {
        if ((holders & ~BlockTable.HOLDER_MASK) != 0)
        {
            throw new IllegalArgumentException("holder mask " + Long.toHexString(holders) + " names slots beyond " +
                (SegmentLayout.MAX_PROCESSES - 1));
        }
        if (allocator.handOver(checkedPage(ref), slot, holders) == BlockTable.NOT_HELD)
        {
            throw new IllegalStateException(BlockRef.toString(ref) + " in " + file.path() + " cannot be published by slot " +
                slot + ": only the process that allocated it may publish it, once, before anyone else holds it.");
        }
    }

    /**
     * Gives the processes in {@code holders} a hold on a block this process holds (received, or
     * allocated and published), beside its own, before the reference is sent on: forwarding without
     * a copy. This process still {@link #release}s its own hold. Returns false, changing nothing,
     * when one of {@code holders} already holds the block (send a copy then).
     */
    public boolean share(final long ref, final long holders)
    {
        if ((holders & ~BlockTable.HOLDER_MASK) != 0)
        {
            throw new IllegalArgumentException("holder mask " + Long.toHexString(holders) + " names slots beyond " +
                (SegmentLayout.MAX_PROCESSES - 1));
        }
        final long firstPage = checkedPage(ref);
        final long state = blocks.state(firstPage);
        if (BlockTable.isHeld(state) && (state & BlockTable.bit(slot)) == 0)
        {
            throw new IllegalStateException(BlockRef.toString(ref) + " in " + file.path() + " cannot be shared by slot " +
                slot + ", which does not hold it.");
        }
        return blocks.share(firstPage, slot, holders) != BlockTable.NOT_HELD;
    }

    /** Drops this process's hold on a block; the last holder's release frees its pages. */
    public void release(final long ref)
    {
        if (allocator.release(checkedPage(ref), slot) == BlockTable.NOT_HELD)
        {
            throw new IllegalStateException(BlockRef.toString(ref) + " in " + file.path() + " is not held by slot " + slot +
                " (pid " + pid + "): released twice, or never published to this process.");
        }
    }

    /**
     * Whether this process holds the block {@code ref} names: false for a stale reference (its block
     * was freed, perhaps reused), such as one sent to a process that died before the Driver reclaimed
     * its slot and then reached the process restarted on that slot. Never throws.
     */
    public boolean holds(final long ref)
    {
        final long firstPage = BlockRef.firstPage(ref);
        if (ref < 0 || firstPage >= layout.pageCount())
        {
            return false;
        }
        final int generation = BlockRef.generation(ref);
        if (blocks.generation(firstPage) != generation)
        {
            return false;
        }
        final long state = blocks.state(firstPage);
        // A block starts with its new generation before it is marked held, so reading it again rules out reuse in between.
        return BlockTable.isHeld(state) && (state & BlockTable.bit(slot)) != 0 && blocks.generation(firstPage) == generation;
    }

    /** The block's payload bytes, to write into. */
    public MemorySegment writable(final long ref)
    {
        final long firstPage = checkedPage(ref);
        return memory.asSlice(layout.dataOffset() + (firstPage << pageShift), blocks.sizeBytes(firstPage));
    }

    /** The block's payload bytes, read-only: the very bytes the producer wrote, not a copy. */
    public MemorySegment readOnly(final long ref)
    {
        final long firstPage = checkedPage(ref);
        return readOnlyMemory.asSlice(layout.dataOffset() + (firstPage << pageShift), blocks.sizeBytes(firstPage));
    }

    /** Where the block's payload starts in {@link #memory()}; with it, reading needs no view object. */
    public long payloadOffset(final long ref)
    {
        return layout.dataOffset() + (BlockRef.firstPage(ref) << pageShift);
    }

    /** The payload size the block was allocated for. */
    public long sizeBytes(final long ref)
    {
        return blocks.sizeBytes(checkedPage(ref));
    }

    /** The whole mapped file; payloads start at {@link #payloadOffset}. */
    public MemorySegment memory()
    {
        return memory;
    }

    /** This process's slot: its bit in holder masks is {@code holderBit(slot())}. */
    public int slot()
    {
        return slot;
    }

    /** The bit naming {@code slot} in a holder mask for {@link #publish}. */
    public static long holderBit(final int slot)
    {
        if (slot < 0 || slot >= SegmentLayout.MAX_PROCESSES)
        {
            throw new IllegalArgumentException("process slot " + slot + " outside 0.." + (SegmentLayout.MAX_PROCESSES - 1));
        }
        return BlockTable.bit(slot);
    }

    /** How many processes may attach to one segment. */
    public static int maxProcesses()
    {
        return SegmentLayout.MAX_PROCESSES;
    }

    /** Bytes not held by any block, as seen by every process. */
    public long freeBytes()
    {
        return layout.capacityBytes() - usedBytes();
    }

    /** Bytes in allocated blocks (whole pages), as seen by every process. */
    public long usedBytes()
    {
        return allocator.usedPages() << pageShift;
    }

    public long capacityBytes()
    {
        return layout.capacityBytes();
    }

    public long pageSizeBytes()
    {
        return layout.pageSizeBytes();
    }

    /** Allocations (by every process) that had to wait for space. */
    public long backPressureWaits()
    {
        return waits.runWaits();
    }

    /** Total time those allocations waited, in nanoseconds. */
    public long backPressureWaitNs()
    {
        return waits.runWaitNs();
    }

    /** Allocations by this process that had to wait for space. */
    public long ownBackPressureWaits()
    {
        return waits.ownWaits();
    }

    /** Time this process's allocations waited for space, in nanoseconds. */
    public long ownBackPressureWaitNs()
    {
        return waits.ownWaitNs();
    }

    public Path path()
    {
        return file.path();
    }

    /**
     * Releases every hold of a dead process's slot (blocks published to it, received or not, and
     * blocks it allocated but never published), finishes any free it died in, and frees the slot.
     * Call only for a process known to be dead. Idempotent. Returns how many blocks it released.
     */
    public int reclaim(final int deadSlot)
    {
        return recovery.reclaim(deadSlot);
    }

    /** Reclaims every slot whose process is gone; returns how many blocks were released. */
    public int reclaimDeadProcesses()
    {
        return recovery.reclaimDeadProcesses();
    }

    /**
     * Frees pages a process left used with no block claiming them, by dying in the few instructions
     * of an allocation or a free that cannot be finished for it (see the class comment), and recounts
     * the used pages. Reclaims dead processes first. Needs the segment to itself: no other live
     * process attached, and no other thread of this one using it. Returns the pages freed.
     */
    public long recoverLeakedPages()
    {
        return recovery.recoverLeakedPages();
    }

    /** Releases what this process still holds, frees its slot and unmaps the file. The file stays. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        allocator.releaseAllHolds(slot);
        processes.detach(slot, pid);
        file.close();
    }

    private long pagesFor(final long sizeBytes)
    {
        if (sizeBytes <= 0)
        {
            throw new IllegalArgumentException("payload size must be positive, was " + sizeBytes);
        }
        final long pages = (sizeBytes + layout.pageSizeBytes() - 1) >>> pageShift;
        if (pages > layout.pageCount())
        {
            throw new IllegalArgumentException("payload of " + Sizes.format(sizeBytes) + " (" + sizeBytes +
                " bytes) is larger than the whole payload segment " + file.path() + " (" +
                Sizes.format(layout.capacityBytes()) + "): raise " + SegmentContext.SIZE_SETTING +
                " to at least the largest payload plus what is in flight.");
        }
        return pages;
    }

    private long checkedPage(final long ref)
    {
        final long firstPage = BlockRef.firstPage(ref);
        if (ref < 0 || firstPage >= layout.pageCount() || blocks.generation(firstPage) != BlockRef.generation(ref))
        {
            throw new IllegalStateException(BlockRef.toString(ref) + " is not a live block of payload segment " +
                file.path() + ": a stale reference (its block was freed) or not a reference at all.");
        }
        return firstPage;
    }
}
