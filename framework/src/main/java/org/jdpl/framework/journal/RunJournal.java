package org.jdpl.framework.journal;

import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.Jvm;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The writing end of a run journal, owned by the Driver. Appends come from several threads (the
 * log pumps of every device process, the supervisor), so they are serialised here and go through
 * one appender. Every append lands in the queue's mapped file at once: a Driver killed with
 * SIGKILL leaves everything appended so far readable.
 */
public final class RunJournal implements AutoCloseable
{
    /** The source name of the Driver's own entries. */
    public static final String DRIVER = "driver";

    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private long failures;

    private RunJournal(final ChronicleQueue queue)
    {
        this.queue = queue;
        this.appender = queue.createAppender();
    }

    /**
     * Loads Chronicle now. On first use Chronicle installs its own SIGINT/SIGTERM/SIGHUP handlers,
     * replacing whatever the process had; a process that wants its own (the Driver's graceful stop)
     * calls this before installing them, so that theirs come last and stay.
     */
    public static void loadBeforeSignalHandlers()
    {
        Jvm.addSignalHandler(signal ->
        {
            // nothing: only forces Chronicle to install its handlers now
        });
    }

    /** Opens (creating) the journal in {@code dir}. */
    public static RunJournal open(final Path dir)
    {
        return new RunJournal(SingleChronicleQueueBuilder.binary(dir.toFile()).build());
    }

    public void log(final String source, final String line)
    {
        append(source, JournalEntry.Kind.LOG, line);
    }

    public void state(final String source, final String state)
    {
        append(source, JournalEntry.Kind.STATE, state);
    }

    public void event(final String text)
    {
        append(DRIVER, JournalEntry.Kind.EVENT, text);
    }

    public synchronized void append(final String source, final JournalEntry.Kind kind, final String text)
    {
        if (queue.isClosed())
        {
            return; // a late log line after the run ended
        }
        // Callers take turns under this lock; Chronicle binds an appender to one thread unless told otherwise.
        appender.singleThreadedCheckReset();
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.writeLong(System.currentTimeMillis());
            bytes.writeByte((byte)kind.ordinal());
            bytes.writeUtf8(source);
            bytes.writeUtf8(text);
        }
        catch (final RuntimeException ex)
        {
            // The journal is a record of the run, never a reason to break it.
            failures++;
            if (failures == 1)
            {
                System.err.println("jdpl: cannot append to the run journal (" + ex + "); later entries may be missing");
            }
        }
    }

    @Override
    public synchronized void close()
    {
        appender.singleThreadedCheckReset();
        appender.close();
        queue.close();
    }
}
