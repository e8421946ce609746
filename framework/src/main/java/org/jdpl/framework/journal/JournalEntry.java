package org.jdpl.framework.journal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the run journal.
 *
 * @param epochMs when it was appended
 * @param source  {@code device#replica}, or {@link RunJournal#DRIVER}
 * @param kind    what it is
 * @param text    the line
 */
public record JournalEntry(long epochMs, String source, Kind kind, String text)
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    /** What a journal line is. */
    public enum Kind
    {
        /** A line a process logged. */
        LOG,
        /** A device replica changed state; the text is the new state. */
        STATE,
        /** Something the Driver did or saw (start, exit, stop request, end of run). */
        EVENT;

        private static final Kind[] VALUES = values();

        static Kind of(final int ordinal)
        {
            return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : EVENT;
        }
    }

    /** {@code 12:00:01.234 [source] text}, state changes marked as such. */
    public String format()
    {
        final String body = kind == Kind.STATE ? "state -> " + text : text;
        return TIME.format(Instant.ofEpochMilli(epochMs)) + " [" + source + "] " + body;
    }
}
