package org.jdpl.transport.segment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.FileChannel.MapMode;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.concurrent.IdleStrategy;

import static org.jdpl.transport.segment.SegmentLayout.LONG;

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
 *       {@link #release}s once; the last release frees the pages.</li>
 * </ol>
 * When a process dies, the Driver {@link #reclaim}s its slot: every hold it had, received or not
 * yet received, is released for it, and blocks it allocated but never published are freed.
 *
 * <p>The allocation, publish and release paths take no lock and allocate no objects; only
 * {@link #writable} and {@link #readOnly} create a view object (use {@link #memory()} with
 * {@link #payloadOffset} to avoid even that). One instance may be used by several threads.
 */
public final class PayloadSegment implements AutoCloseable
{
    private final Path path;
    private final Arena arena;
    private final MemorySegment memory;
    private final MemorySegment readOnlyMemory;
    private final SegmentLayout layout;
    private final PageBitmap bitmap;
    private final BlockTable blocks;
    private final ProcessTable processes;
    private final int pageShift;
    private final int slot;
    private final long pid;
    private boolean closed;

    private PayloadSegment(final Path path, final Arena arena, final MemorySegment memory, final SegmentLayout layout)
    {
        this.path = path;
        this.arena = arena;
        this.memory = memory;
        this.readOnlyMemory = memory.asReadOnly();
        this.layout = layout;
        this.bitmap = new PageBitmap(memory, layout);
        this.blocks = new BlockTable(memory, layout);
        this.processes = new ProcessTable(memory, layout);
        this.pageShift = Long.numberOfTrailingZeros(layout.pageSizeBytes());
        this.pid = ProcessHandle.current().pid();
        this.slot = processes.attach(ProcessHandle.current());
        if (slot < 0)
        {
            throw new PayloadSegmentException("all " + SegmentLayout.MAX_PROCESSES + " process slots of payload segment " +
                path + " are taken: a run may attach at most that many processes. Reclaim dead ones, or run fewer processes.");
        }
    }

    /**
     * Creates a new segment file (never overwrites one) and attaches to it; done by the Driver.
     * The file is sparse: memory is taken page by page as payloads first touch it.
     */
    public static PayloadSegment create(final Path path, final SegmentContext context)
    {
        final Path directory = path.toAbsolutePath().getParent();
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new PayloadSegmentException("cannot create the directory of payload segment " + path + ": " + ex, ex);
        }
        context.conclude(directory);
        final SegmentLayout layout = SegmentLayout.of(context.pageSizeBytes(), context.sizeBytes() / context.pageSizeBytes());
        final long usable = SegmentContext.usableBytes(directory);
        if (layout.fileSizeBytes() > usable)
        {
            throw new PayloadSegmentException("payload segment of " + Sizes.format(layout.fileSizeBytes()) + " does not fit in " +
                directory + ": " + Sizes.format(usable) + " free. Lower " + SegmentContext.SIZE_SETTING + " (now " +
                Sizes.format(context.sizeBytes()) + "), or free space there (dpl clean removes what dead runs left).");
        }
        try
        {
            Files.createFile(path);
        }
        catch (final FileAlreadyExistsException ex)
        {
            throw new PayloadSegmentException("payload segment " + path + " already exists: another run uses this " +
                "directory, or a dead run left it (dpl clean removes it).", ex);
        }
        catch (final IOException ex)
        {
            throw new PayloadSegmentException("cannot create payload segment " + path + ": " + ex, ex);
        }
        final Arena arena = Arena.ofShared();
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.setLength(layout.fileSizeBytes());
            final MemorySegment memory = file.getChannel().map(MapMode.READ_WRITE, 0, layout.fileSizeBytes(), arena);
            layout.writeHeader(memory);
            return new PayloadSegment(path, arena, memory, layout);
        }
        catch (final IOException | RuntimeException ex)
        {
            arena.close();
            deleteQuietly(path);
            throw ex instanceof PayloadSegmentException pse ? pse :
                new PayloadSegmentException("cannot map payload segment " + path + ": " + ex, ex);
        }
    }

    private static void deleteQuietly(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ignored)
        {
            // The error being reported matters more than a leftover file, which dpl clean removes.
        }
    }

    /** Opens the run's segment and attaches this process to a free slot; done by each device process. */
    public static PayloadSegment open(final Path path)
    {
        final Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MemorySegment memory = channel.map(MapMode.READ_WRITE, 0, channel.size(), arena);
            return new PayloadSegment(path, arena, memory, SegmentLayout.readHeader(memory, path));
        }
        catch (final NoSuchFileException ex)
        {
            arena.close();
            throw new PayloadSegmentException("no payload segment at " + path + ": the run is not running, or its " +
                "Driver has not created the segment yet.", ex);
        }
        catch (final IOException | RuntimeException ex)
        {
            arena.close();
            throw ex instanceof PayloadSegmentException pse ? pse :
                new PayloadSegmentException("cannot map payload segment " + path + ": " + ex, ex);
        }
    }

    /**
     * Allocates a block for a payload of {@code sizeBytes} without waiting. Returns its reference, or
     * {@link BlockRef#NO_SPACE} when no run of free pages is long enough right now (back-pressure:
     * try again when consumers have released). A request larger than the whole segment is an error.
     */
    public long tryAllocate(final long sizeBytes)
    {
        final long pages = pagesFor(sizeBytes);
        if ((long)LONG.getVolatile(memory, SegmentLayout.USED_PAGES_OFFSET) + pages > layout.pageCount())
        {
            return BlockRef.NO_SPACE;
        }
        final long firstPage = bitmap.claim(pages);
        if (firstPage < 0)
        {
            return BlockRef.NO_SPACE;
        }
        final int generation = blocks.start(firstPage, pages, sizeBytes, slot);
        LONG.getAndAdd(memory, SegmentLayout.USED_PAGES_OFFSET, pages);
        return BlockRef.encode(generation, firstPage);
    }

    /**
     * Allocates a block, waiting with {@code idleStrategy} while the segment is full. Returns the
     * reference, or {@link BlockRef#TIMED_OUT} after {@code timeoutNs} ({@link Long#MAX_VALUE}: wait
     * for ever). Every wait is counted, with its duration, in {@link #backPressureWaits()}.
     */
    public long allocate(final long sizeBytes, final IdleStrategy idleStrategy, final long timeoutNs)
    {
        long ref = tryAllocate(sizeBytes);
        if (ref != BlockRef.NO_SPACE)
        {
            return ref;
        }
        final long startNs = System.nanoTime();
        idleStrategy.reset();
        while (true)
        {
            idleStrategy.idle();
            ref = tryAllocate(sizeBytes);
            final long waitedNs = System.nanoTime() - startNs;
            if (ref != BlockRef.NO_SPACE || waitedNs >= timeoutNs)
            {
                LONG.getAndAdd(memory, SegmentLayout.WAITS_OFFSET, 1L);
                LONG.getAndAdd(memory, SegmentLayout.WAIT_NS_OFFSET, waitedNs);
                processes.recordWait(slot, waitedNs);
                return ref == BlockRef.NO_SPACE ? BlockRef.TIMED_OUT : ref;
            }
        }
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
        final long firstPage = checkedPage(ref);
        final int result = blocks.handOver(firstPage, slot, holders);
        if (result == BlockTable.NOT_HELD)
        {
            throw new IllegalStateException(BlockRef.toString(ref) + " in " + path + " cannot be published by slot " + slot +
                ": only the process that allocated it may publish it, once, before anyone else holds it.");
        }
        if (result == BlockTable.LAST)
        {
            finishFree(firstPage, slot);
        }
    }

    /** Drops this process's hold on a block; the last holder's release frees its pages. */
    public void release(final long ref)
    {
        final long firstPage = checkedPage(ref);
        final int result = blocks.release(firstPage, slot);
        if (result == BlockTable.NOT_HELD)
        {
            throw new IllegalStateException(BlockRef.toString(ref) + " in " + path + " is not held by slot " + slot +
                " (pid " + pid + "): released twice, or never published to this process.");
        }
        if (result == BlockTable.LAST)
        {
            finishFree(firstPage, slot);
        }
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
        return ((long)LONG.getVolatile(memory, SegmentLayout.USED_PAGES_OFFSET)) << pageShift;
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
        return (long)LONG.getVolatile(memory, SegmentLayout.WAITS_OFFSET);
    }

    /** Total time those allocations waited, in nanoseconds. */
    public long backPressureWaitNs()
    {
        return (long)LONG.getVolatile(memory, SegmentLayout.WAIT_NS_OFFSET);
    }

    /** Allocations by this process that had to wait for space. */
    public long ownBackPressureWaits()
    {
        return processes.waits(slot);
    }

    public Path path()
    {
        return path;
    }

    /**
     * Releases every hold of a dead process's slot (blocks published to it, received or not, and
     * blocks it allocated but never published), finishes any free it died in, and frees the slot.
     * Call only for a process known to be dead. Idempotent. Returns how many blocks it released.
     */
    public int reclaim(final int deadSlot)
    {
        if (deadSlot == slot)
        {
            throw new IllegalArgumentException("slot " + slot + " is this process's own slot; close() releases it");
        }
        holderBit(deadSlot);
        final long deadPid = processes.pid(deadSlot);
        final int released = releaseAllHolds(deadSlot);
        processes.detach(deadSlot, deadPid);
        return released;
    }

    /** Reclaims every slot whose process is gone; returns how many blocks were released. */
    public int reclaimDeadProcesses()
    {
        int released = 0;
        for (int other = 0; other < SegmentLayout.MAX_PROCESSES; other++)
        {
            if (other != slot && processes.isAttachedToDeadProcess(other))
            {
                released += reclaim(other);
            }
        }
        return released;
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
        releaseAllHolds(slot);
        processes.detach(slot, pid);
        arena.close();
    }

    private int releaseAllHolds(final int holderSlot)
    {
        final long bit = BlockTable.bit(holderSlot);
        final long freeing = BlockTable.freeingBy(holderSlot);
        int released = 0;
        for (long page = 0; page < layout.pageCount(); page++)
        {
            final long state = blocks.state(page);
            if (BlockTable.isHeld(state) && (state & bit) != 0)
            {
                final int result = blocks.release(page, holderSlot);
                if (result != BlockTable.NOT_HELD)
                {
                    released++;
                }
                if (result == BlockTable.LAST)
                {
                    finishFree(page, holderSlot);
                }
            }
            else if (state == freeing)
            {
                finishFree(page, holderSlot);
                released++;
            }
        }
        return released;
    }

    private void finishFree(final long firstPage, final int freeingSlot)
    {
        final long pages = blocks.pageCount(firstPage);
        if (blocks.finishFree(firstPage, freeingSlot))
        {
            bitmap.free(firstPage, pages);
            LONG.getAndAdd(memory, SegmentLayout.USED_PAGES_OFFSET, -pages);
        }
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
                " bytes) is larger than the whole payload segment " + path + " (" + Sizes.format(layout.capacityBytes()) +
                "): raise " + SegmentContext.SIZE_SETTING + " to at least the largest payload plus what is in flight.");
        }
        return pages;
    }

    private long checkedPage(final long ref)
    {
        final long firstPage = BlockRef.firstPage(ref);
        if (ref < 0 || firstPage >= layout.pageCount() || blocks.generation(firstPage) != BlockRef.generation(ref))
        {
            throw new IllegalStateException(BlockRef.toString(ref) + " is not a live block of payload segment " + path +
                ": a stale reference (its block was freed) or not a reference at all.");
        }
        return firstPage;
    }
}
