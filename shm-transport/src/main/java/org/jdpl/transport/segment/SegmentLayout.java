package org.jdpl.transport.segment;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;

/**
 * Where everything lives in the segment file; the one place that knows the byte layout.
 *
 * <pre>
 *  0                 header (4 KiB): magic, version, geometry; used-page counter, back-pressure
 *                    counters, and the release signal (waiters, futex word), each group on its own cache line
 *  bitmapOffset      page bitmap: one bit per data page, 1 = in use; bits past the last page are 1
 *  summaryOffset     word bitmap: one bit per page-bitmap word, 1 = its 64 pages are reserved whole
 *                    by a large block (so a 1 GiB block is a few atomic operations, not 256)
 *  blockTableOffset  block table: one 32-byte entry per data page, live only where a block starts
 *  processTableOffset process table: {@value #MAX_PROCESSES} slots of 64 bytes, one per attached process
 *  dataOffset        data pages (page-aligned), pageCount * pageSizeBytes
 * </pre>
 *
 * All words are native-order longs changed with atomic operations, so every process maps the same
 * file and none takes a lock. The file is created sparse: only what is touched takes memory.
 */
record SegmentLayout(
    long pageSizeBytes,
    long pageCount,
    long bitmapOffset,
    long summaryOffset,
    long blockTableOffset,
    long processTableOffset,
    long dataOffset,
    long fileSizeBytes)
{
    static final long MAGIC = 0x4A44_504C_5345_474DL; // "JDPLSEGM"
    static final int VERSION = 2;
    static final long HEADER_BYTES = 4096;
    static final int MAX_PROCESSES = 56;
    static final long BLOCK_ENTRY_BYTES = 32;
    static final long PROCESS_SLOT_BYTES = 64;
    static final long MIN_PAGE_SIZE_BYTES = 4096;

    static final long MAGIC_OFFSET = 0;
    static final long VERSION_OFFSET = 8;
    static final long PAGE_SIZE_OFFSET = 16;
    static final long PAGE_COUNT_OFFSET = 24;
    static final long MAX_PROCESSES_OFFSET = 32;
    static final long FILE_SIZE_OFFSET = 40;
    static final long USED_PAGES_OFFSET = 128;
    static final long WAITS_OFFSET = 192;
    static final long WAIT_NS_OFFSET = 200;
    /** {@link ReleaseSignal}: producers waiting for space (long), and the futex word frees bump while there are any (int). */
    static final long SPACE_WAITERS_OFFSET = 256;
    static final long RELEASES_OFFSET = 264;

    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    /** The layout of a segment holding {@code pageCount} pages of {@code pageSizeBytes}. */
    static SegmentLayout of(final long pageSizeBytes, final long pageCount)
    {
        final long bitmapOffset = HEADER_BYTES;
        final long bitmapWords = (pageCount + 63) / 64;
        final long summaryOffset = align(bitmapOffset + bitmapWords * Long.BYTES, 64);
        final long summaryWords = (bitmapWords + 63) / 64;
        final long blockTableOffset = align(summaryOffset + summaryWords * Long.BYTES, 64);
        final long processTableOffset = align(blockTableOffset + pageCount * BLOCK_ENTRY_BYTES, 64);
        final long dataOffset = align(processTableOffset + MAX_PROCESSES * PROCESS_SLOT_BYTES, pageSizeBytes);
        return new SegmentLayout(pageSizeBytes, pageCount, bitmapOffset, summaryOffset, blockTableOffset, processTableOffset,
            dataOffset, dataOffset + pageCount * pageSizeBytes);
    }

    long bitmapWords()
    {
        return (pageCount + 63) / 64;
    }

    long summaryWords()
    {
        return (bitmapWords() + 63) / 64;
    }

    long capacityBytes()
    {
        return pageCount * pageSizeBytes;
    }

    /** Writes the header of a new (zero-filled) file; the magic goes last so a half-written file never validates. */
    void writeHeader(final MemorySegment memory)
    {
        memory.set(ValueLayout.JAVA_LONG, VERSION_OFFSET, VERSION);
        memory.set(ValueLayout.JAVA_LONG, PAGE_SIZE_OFFSET, pageSizeBytes);
        memory.set(ValueLayout.JAVA_LONG, PAGE_COUNT_OFFSET, pageCount);
        memory.set(ValueLayout.JAVA_LONG, MAX_PROCESSES_OFFSET, MAX_PROCESSES);
        memory.set(ValueLayout.JAVA_LONG, FILE_SIZE_OFFSET, fileSizeBytes);
        final long tailBits = pageCount % 64;
        if (tailBits != 0)
        {
            // Bits past the last page are permanently "in use", so the allocator needs no bounds check.
            memory.set(ValueLayout.JAVA_LONG, bitmapOffset + (bitmapWords() - 1) * Long.BYTES, -1L << tailBits);
        }
        final long tailWords = bitmapWords() % 64;
        if (tailWords != 0)
        {
            memory.set(ValueLayout.JAVA_LONG, summaryOffset + (summaryWords() - 1) * Long.BYTES, -1L << tailWords);
        }
        LONG.setRelease(memory, MAGIC_OFFSET, MAGIC);
    }

    /** Reads and checks the header of an existing file; a file that is not a segment of this version is an error. */
    static SegmentLayout readHeader(final MemorySegment memory, final Path path)
    {
        final long fileSize = memory.byteSize();
        if (fileSize < HEADER_BYTES || (long)LONG.getAcquire(memory, MAGIC_OFFSET) != MAGIC)
        {
            throw new PayloadSegmentException(path + " is not a jdpl payload segment (no segment header: wrong file, or " +
                "the Driver has not finished creating it). Check the run directory, or run 'dpl clean' to remove a stale run.");
        }
        final long version = memory.get(ValueLayout.JAVA_LONG, VERSION_OFFSET);
        if (version != VERSION)
        {
            throw new PayloadSegmentException(path + " is a payload segment of layout version " + version +
                ", this build reads version " + VERSION + ": the Driver and the device processes come from different builds.");
        }
        final long pageSize = memory.get(ValueLayout.JAVA_LONG, PAGE_SIZE_OFFSET);
        final long pageCount = memory.get(ValueLayout.JAVA_LONG, PAGE_COUNT_OFFSET);
        final long maxProcesses = memory.get(ValueLayout.JAVA_LONG, MAX_PROCESSES_OFFSET);
        final long recordedSize = memory.get(ValueLayout.JAVA_LONG, FILE_SIZE_OFFSET);
        if (pageSize < MIN_PAGE_SIZE_BYTES || Long.bitCount(pageSize) != 1 || pageCount <= 0 ||
            pageCount > BlockRef.PAGE_MASK || maxProcesses != MAX_PROCESSES)
        {
            throw new PayloadSegmentException(path + " has a corrupt segment header: page size " + pageSize +
                " bytes, " + pageCount + " pages, " + maxProcesses + " process slots.");
        }
        final SegmentLayout layout = of(pageSize, pageCount);
        if (layout.fileSizeBytes != recordedSize || layout.fileSizeBytes != fileSize)
        {
            throw new PayloadSegmentException(path + " does not match its header: the header describes " +
                layout.fileSizeBytes + " bytes (" + pageCount + " pages of " + pageSize + "), recorded " + recordedSize +
                ", the file has " + fileSize + ". The file was truncated or overwritten.");
        }
        return layout;
    }

    static long align(final long value, final long alignment)
    {
        return (value + alignment - 1) & -alignment;
    }
}
