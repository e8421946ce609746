package org.jdpl.transport.segment;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Gives a file all its blocks now ({@code posix_fallocate}), so that writing to any page of its
 * mapping later can never fail. On tmpfs a page is otherwise taken on first touch, and a full
 * tmpfs then kills the writer with SIGBUS; reserved, a full tmpfs is one error at creation instead.
 */
final class SpaceReservation
{
    private static final int O_RDWR = 2;
    private static final int ENOSPC = 28;
    private static final MethodHandle OPEN;
    private static final MethodHandle CLOSE;
    private static final MethodHandle FALLOCATE;

    static
    {
        final Linker linker = Linker.nativeLinker();
        final SymbolLookup libc = linker.defaultLookup();
        OPEN = linker.downcallHandle(libc.find("open").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
        CLOSE = linker.downcallHandle(libc.find("close").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        FALLOCATE = linker.downcallHandle(libc.find("posix_fallocate").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
    }

    private SpaceReservation()
    {
    }

    /**
     * Reserves {@code bytes} of {@code path} from its start.
     *
     * @throws PayloadSegmentException naming the size, the free space and what to do, when the file system has no room
     */
    static void reserve(final Path path, final long bytes)
    {
        final int error;
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment name = arena.allocateFrom(path.toAbsolutePath().toString());
            final int fd = (int)OPEN.invokeExact(name, O_RDWR, 0);
            if (fd < 0)
            {
                throw new PayloadSegmentException("cannot open payload segment " + path + " to reserve its pages");
            }
            try
            {
                error = (int)FALLOCATE.invokeExact(fd, 0L, bytes);
            }
            finally
            {
                final int ignored = (int)CLOSE.invokeExact(fd);
            }
        }
        catch (final PayloadSegmentException ex)
        {
            throw ex;
        }
        catch (final Throwable ex)
        {
            throw new PayloadSegmentException("cannot reserve the pages of payload segment " + path + ": " + ex, ex);
        }
        if (error == ENOSPC)
        {
            throw new PayloadSegmentException("cannot reserve the " + Sizes.format(bytes) + " of payload segment " + path + ": " +
                "no space left there (" + Sizes.format(SegmentContext.usableBytes(path.getParent())) + " free). Lower " +
                SegmentContext.SIZE_SETTING + ", or free space there (dpl clean removes what dead runs left).");
        }
        if (error != 0)
        {
            throw new PayloadSegmentException("cannot reserve the " + Sizes.format(bytes) + " of payload segment " + path +
                ": posix_fallocate failed with error " + error + ".");
        }
    }
}
