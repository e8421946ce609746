package org.jdpl.framework.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(60)
class RunJournalTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReadWhatWasAppendedWhileTheWriterIsOpenAndAfter() throws Exception
    {
        final Path journalDir = dir.resolve("journal");
        final List<JournalEntry> read = new ArrayList<>();
        try (RunJournal journal = RunJournal.open(journalDir))
        {
            journal.event("run started");
            journal.log("sink#0", "sink#0: running");
            journal.state("sink#0", "RUNNING");
            try (JournalReader reader = JournalReader.open(journalDir))
            {
                assertEquals(3, reader.poll(read::add, 100));
                journal.log("sink#0", "more");
                assertEquals(1, reader.poll(read::add, 100));
                assertEquals(0, reader.poll(read::add, 100));
            }
        }
        assertEquals(List.of("driver", "sink#0", "sink#0", "sink#0"), read.stream().map(JournalEntry::source).toList());
        assertEquals(JournalEntry.Kind.STATE, read.get(2).kind());
        assertEquals("RUNNING", read.get(2).text());
        assertEquals("more", read.get(3).text());
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            final List<JournalEntry> again = new ArrayList<>();
            reader.poll(again::add, 100);
            assertEquals(read, again);
        }
    }
}
