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

/**
 * The segment file mapped into this process with the FFM API (so it may exceed 2 GiB): created
 * by the Driver with every page reserved ({@link SpaceReservation}), or opened and checked by a device process. Closing unmaps it; the file stays.
 */
final class SegmentFile implements AutoCloseable
{
    private final Path path;
    private final Arena arena;
    private final MemorySegment memory;
    private final SegmentLayout layout;
    private final boolean created;

    private SegmentFile(final Path path, final Arena arena, final MemorySegment memory, final SegmentLayout layout,
        final boolean created)
    {
        this.path = path;
        this.arena = arena;
        this.memory = memory;
        this.layout = layout;
        this.created = created;
    }

    /**
     * Creates a new file (never overwrites one) after checking the file system has room for it, and
     * reserves its pages: the check keeps a too-large request from filling tmpfs for a moment (other
     * runs' writes would fail meanwhile); the reservation closes the race with whoever fills it next.
     */
    static SegmentFile create(final Path path, final SegmentContext context)
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
        try
        {
            SpaceReservation.reserve(path, layout.fileSizeBytes());
        }
        catch (final PayloadSegmentException ex)
        {
            deleteQuietly(path);
            throw ex;
        }
        final Arena arena = Arena.ofShared();
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            // Already that long, every page reserved: a full tmpfs can no longer kill a writer with SIGBUS.
            file.setLength(layout.fileSizeBytes());
            final MemorySegment memory = file.getChannel().map(MapMode.READ_WRITE, 0, layout.fileSizeBytes(), arena);
            layout.writeHeader(memory);
            return new SegmentFile(path, arena, memory, layout, true);
        }
        catch (final IOException | RuntimeException ex)
        {
            arena.close();
            deleteQuietly(path);
            throw new PayloadSegmentException("cannot map payload segment " + path + ": " + ex, ex);
        }
    }

    /** Maps an existing file and checks its header. */
    static SegmentFile open(final Path path)
    {
        final Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MemorySegment memory = channel.map(MapMode.READ_WRITE, 0, channel.size(), arena);
            return new SegmentFile(path, arena, memory, SegmentLayout.readHeader(memory, path), false);
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

    Path path()
    {
        return path;
    }

    MemorySegment memory()
    {
        return memory;
    }

    SegmentLayout layout()
    {
        return layout;
    }

    /** Unmaps; a file this process created and could not attach to is removed too. */
    void abandon()
    {
        close();
        if (created)
        {
            deleteQuietly(path);
        }
    }

    @Override
    public void close()
    {
        arena.close();
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
}
