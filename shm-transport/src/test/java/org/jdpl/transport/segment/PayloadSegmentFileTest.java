package org.jdpl.transport.segment;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadSegmentFileTest extends SegmentTestSupport
{
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRejectAFileThatIsNotASegment() throws IOException
    {
        final Path text = Files.writeString(directory.resolve("notes.txt"), "not a segment");
        final PayloadSegmentException small = assertThrows(PayloadSegmentException.class, () -> PayloadSegment.open(text));
        assertTrue(small.getMessage().contains("is not a jdpl payload segment"), small.getMessage());

        final Path zeros = directory.resolve("zeros.bin");
        Files.write(zeros, new byte[1 << 20]);
        final PayloadSegmentException empty = assertThrows(PayloadSegmentException.class, () -> PayloadSegment.open(zeros));
        assertTrue(empty.getMessage().contains(zeros.toString()), empty.getMessage());

        final Path missing = directory.resolve("missing.segment");
        final PayloadSegmentException none = assertThrows(PayloadSegmentException.class, () -> PayloadSegment.open(missing));
        assertTrue(none.getMessage().contains("no payload segment at"), none.getMessage());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRejectASegmentWhoseSizeDisagreesWithItsHeader() throws IOException
    {
        final Path path;
        try (PayloadSegment segment = create(8))
        {
            path = segment.path();
        }
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.setLength(file.length() - PAGE);
        }
        final PayloadSegmentException error = assertThrows(PayloadSegmentException.class, () -> PayloadSegment.open(path));
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseToCreateASegmentLargerThanTheFreeSpaceNamingTheSetting()
    {
        final PayloadSegmentException error = assertThrows(PayloadSegmentException.class, () -> PayloadSegment.create(
            directory.resolve("huge.segment"), new SegmentContext().sizeBytes(1L << 40)));
        assertTrue(error.getMessage().contains("1.0 TiB"), error.getMessage());
        assertTrue(error.getMessage().contains("free"), error.getMessage());
        assertTrue(error.getMessage().contains(SegmentContext.SIZE_SETTING), error.getMessage());
        assertTrue(Files.notExists(directory.resolve("huge.segment")));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseToOverwriteAnExistingSegment()
    {
        try (PayloadSegment segment = create(4))
        {
            final PayloadSegmentException error = assertThrows(PayloadSegmentException.class, () -> create(4));
            assertTrue(error.getMessage().contains("already exists"), error.getMessage());
            assertEquals(4 * PAGE, segment.freeBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReserveEveryPageAtCreation() throws Exception
    {
        final long sizeBytes = 64L << 20;
        final Path path = directory.resolve("reserved.segment");
        try (PayloadSegment segment = PayloadSegment.create(path, new SegmentContext().sizeBytes(sizeBytes)))
        {
            final long allocated = allocatedBytes(segment.path());
            assertTrue(allocated >= sizeBytes, "a new 64 MiB segment holds only " + allocated + " bytes: its pages are not reserved");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldSayInOneLineWhenTheSegmentCannotBeReserved() throws Exception
    {
        // More than the whole file system: posix_fallocate fails at once with ENOSPC, before it takes a page.
        final long total = Files.getFileStore(directory.path()).getTotalSpace();
        final Path path = Files.createFile(directory.resolve("unreservable.segment"));
        final PayloadSegmentException error = assertThrows(PayloadSegmentException.class,
            () -> SpaceReservation.reserve(path, total + PAGE));
        assertTrue(error.getMessage().contains("cannot reserve") && error.getMessage().contains("no space left"), error.getMessage());
        assertTrue(error.getMessage().contains(SegmentContext.SIZE_SETTING), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
        assertEquals(0, allocatedBytes(path), "nothing stays reserved after a failed reservation");
    }

    /** The file's allocated size as the file system reports it (st_blocks), via stat(1). */
    private static long allocatedBytes(final Path file) throws Exception
    {
        final Process stat;
        try
        {
            stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            Assumptions.abort("skipped: stat(1) is needed to read a file's allocated size: " + ex);
            return 0;
        }
        final String[] out = new String(stat.getInputStream().readAllBytes()).trim().split(" ");
        assertTrue(stat.waitFor(10, TimeUnit.SECONDS));
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseAnAttachmentBeyondTheLastProcessSlot()
    {
        try (PayloadSegment segment = create(4))
        {
            final List<PayloadSegment> attachments = new ArrayList<>();
            try
            {
                for (int i = 1; i < PayloadSegment.maxProcesses(); i++)
                {
                    attachments.add(PayloadSegment.open(segment.path()));
                }
                final PayloadSegmentException error = assertThrows(PayloadSegmentException.class,
                    () -> PayloadSegment.open(segment.path()));
                assertTrue(error.getMessage().contains("process slots"), error.getMessage());
            }
            finally
            {
                for (final PayloadSegment attachment : attachments)
                {
                    attachment.close();
                }
            }
            try (PayloadSegment again = PayloadSegment.open(segment.path()))
            {
                assertEquals(1, again.slot(), "closing an attachment frees its slot");
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldAttachAtTheSlotTheDriverAssignedAndRefuseItTwice()
    {
        try (PayloadSegment driver = create(4); PayloadSegment device = PayloadSegment.open(driver.path(), 7))
        {
            assertEquals(0, driver.slot(), "the creator takes the first slot of a new segment");
            assertEquals(7, device.slot());
            final PayloadSegmentException error = assertThrows(PayloadSegmentException.class,
                () -> PayloadSegment.open(driver.path(), 7));
            assertTrue(error.getMessage().contains("process slot 7"), error.getMessage());
            assertThrows(IllegalArgumentException.class, () -> PayloadSegment.open(driver.path(), PayloadSegment.maxProcesses()));
        }
    }

    @Test
    void shouldDefaultToTwoGibibytesOrAQuarterOfTheFreeSpace()
    {
        assertEquals(512L << 20, SegmentContext.defaultSizeBytes(24L << 30, PAGE));
        assertEquals(256L << 20, SegmentContext.defaultSizeBytes(1L << 30, PAGE));
        assertEquals(PAGE, SegmentContext.defaultSizeBytes(1000, PAGE));
    }
}
