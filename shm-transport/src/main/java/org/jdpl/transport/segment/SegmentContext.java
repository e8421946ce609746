package org.jdpl.transport.segment;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The settings of a payload segment the Driver creates, gathered once and checked by
 * {@link #conclude(Path)}. Each setting names the topology key that changes it.
 */
public final class SegmentContext
{
    /** The topology setting for the segment's payload capacity. */
    public static final String SIZE_SETTING = "shm.segment-size";
    /** The topology setting for the allocation unit. */
    public static final String PAGE_SIZE_SETTING = "shm.segment-page-size";

    /**
     * Default capacity cap: room for a few 64 MiB timeframes in flight. Every page is reserved when
     * the segment is created (so a full tmpfs cannot SIGBUS a writer later), so this much memory is the
     * run's from its start, and reserving it costs time at start (about 0.4 s a GiB here): a run
     * that carries bigger timeframes says so with {@code shm.segment-size}.
     */
    public static final long DEFAULT_MAX_SIZE_BYTES = 512L << 20;
    /** The default never takes more than this share of the free space, leaving room for Aeron and other runs. */
    public static final int DEFAULT_SHARE_OF_FREE_SPACE = 4;
    /**
     * 64 KiB pages: the smallest payload worth a reference (smaller ones travel inline in Aeron)
     * fills one page, and a 1 GiB payload is 16384 pages, claimed 64 at a time.
     */
    public static final long DEFAULT_PAGE_SIZE_BYTES = 64 * 1024;

    private long sizeBytes;
    private long pageSizeBytes = DEFAULT_PAGE_SIZE_BYTES;
    private boolean concluded;

    /** Payload capacity in bytes (rounded down to whole pages); 0 chooses the default when concluded. */
    public SegmentContext sizeBytes(final long sizeBytes)
    {
        this.sizeBytes = sizeBytes;
        return this;
    }

    public long sizeBytes()
    {
        return sizeBytes;
    }

    /** The allocation unit: a power of two, at least 4 KiB. */
    public SegmentContext pageSizeBytes(final long pageSizeBytes)
    {
        this.pageSizeBytes = pageSizeBytes;
        return this;
    }

    public long pageSizeBytes()
    {
        return pageSizeBytes;
    }

    /** Checks the settings and fills in the default size from the free space where the segment will live. */
    public SegmentContext conclude(final Path directory)
    {
        if (concluded)
        {
            return this;
        }
        if (pageSizeBytes < SegmentLayout.MIN_PAGE_SIZE_BYTES || Long.bitCount(pageSizeBytes) != 1)
        {
            throw new PayloadSegmentException(PAGE_SIZE_SETTING + " = " + pageSizeBytes +
                " is not a power of two of at least 4096 bytes; use e.g. 65536.");
        }
        if (sizeBytes == 0)
        {
            sizeBytes = defaultSizeBytes(usableBytes(directory), pageSizeBytes);
        }
        if (sizeBytes < pageSizeBytes)
        {
            throw new PayloadSegmentException(SIZE_SETTING + " = " + sizeBytes + " bytes is smaller than one page (" +
                PAGE_SIZE_SETTING + " = " + pageSizeBytes + "); set it to at least the largest payload you send.");
        }
        if (sizeBytes > maxSizeBytes(pageSizeBytes))
        {
            throw new PayloadSegmentException(SIZE_SETTING + " = " + sizeBytes + " bytes makes more than 2^32 pages of " +
                pageSizeBytes + " bytes; raise " + PAGE_SIZE_SETTING + ".");
        }
        concluded = true;
        return this;
    }

    /** The largest capacity a block reference can address with pages of {@code pageSizeBytes}: 2^32 pages. */
    public static long maxSizeBytes(final long pageSizeBytes)
    {
        return pageSizeBytes > Long.MAX_VALUE / BlockRef.PAGE_MASK ? Long.MAX_VALUE : BlockRef.PAGE_MASK * pageSizeBytes;
    }

    /** The default capacity: the smaller of {@link #DEFAULT_MAX_SIZE_BYTES} and a quarter of the free space, in whole pages. */
    public static long defaultSizeBytes(final long usableBytes, final long pageSizeBytes)
    {
        final long size = Math.min(DEFAULT_MAX_SIZE_BYTES, usableBytes / DEFAULT_SHARE_OF_FREE_SPACE);
        return Math.max(pageSizeBytes, size - size % pageSizeBytes);
    }

    static long usableBytes(final Path directory)
    {
        try
        {
            final FileStore store = Files.getFileStore(directory);
            return store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            throw new PayloadSegmentException("cannot read the free space of " + directory + ": " + ex.getMessage(), ex);
        }
    }
}
