package org.jdpl.tools.view;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.agrona.CloseHelper;
import org.jdpl.framework.journal.JournalEntry;
import org.jdpl.framework.journal.JournalReader;
import org.jdpl.framework.run.RunLayout;

/**
 * A run's journal as {@code dpl logs} and {@code dpl top} read it. A local run has one; a multi-host
 * run has one per host agent (under {@code hosts/<host>/runs/<id>/journal} of the cluster run
 * directory, on the file system every host shares), read together: each entry's source gets
 * {@code " on <host>"}, and entries come in time order across hosts as far as each host's journal
 * has been written (a host's journal that appears later, its agent starting, is picked up then).
 */
public final class RunJournals implements AutoCloseable
{
    private static final String ON = " on ";

    private final Path hostsDir;
    private final List<String> hosts;
    private final JournalReader[] readers;
    /** Each reader's next entry, read ahead to merge by time; null when it has none yet. */
    private final JournalEntry[] heads;

    private RunJournals(final Path hostsDir, final List<String> hosts, final JournalReader single)
    {
        this.hostsDir = hostsDir;
        this.hosts = hosts;
        this.readers = new JournalReader[Math.max(1, hosts.size())];
        this.heads = new JournalEntry[readers.length];
        readers[0] = single;
    }

    /** The journals of {@code run}; fails when a local run has none. */
    public static RunJournals open(final RunEntry run) throws IOException
    {
        final Path hostsDir = run.dir().resolve("hosts");
        final List<String> hosts = run.manifest().plan().placement().hostNames();
        if (!hosts.isEmpty() && Files.isDirectory(hostsDir))
        {
            return new RunJournals(hostsDir, hosts, null);
        }
        return new RunJournals(null, List.of(), JournalReader.open(run.journalDir()));
    }

    /** The replica (or Driver) an entry's source names, without the host a multi-host run's sources name. */
    public static String replicaOf(final String source)
    {
        final int on = source.indexOf(ON);
        return on < 0 ? source : source.substring(0, on);
    }

    /** Hands at most {@code limit} entries to {@code handler}, earliest first; returns how many. */
    public int poll(final Consumer<JournalEntry> handler, final int limit)
    {
        openNewHosts();
        int read = 0;
        while (read < limit)
        {
            int earliest = -1;
            for (int i = 0; i < readers.length; i++)
            {
                if (heads[i] == null && readers[i] != null)
                {
                    final int reader = i;
                    readers[i].poll(entry -> heads[reader] = entry, 1);
                }
                if (heads[i] != null && (earliest < 0 || heads[i].epochMs() < heads[earliest].epochMs()))
                {
                    earliest = i;
                }
            }
            if (earliest < 0)
            {
                break;
            }
            final JournalEntry entry = heads[earliest];
            heads[earliest] = null;
            handler.accept(hosts.isEmpty() ? entry :
                new JournalEntry(entry.epochMs(), entry.source() + ON + hosts.get(earliest), entry.kind(), entry.text()));
            read++;
        }
        return read;
    }

    private void openNewHosts()
    {
        for (int i = 0; hostsDir != null && i < hosts.size(); i++)
        {
            if (readers[i] == null)
            {
                readers[i] = openHost(hostsDir.resolve(hosts.get(i)).resolve("runs"));
            }
        }
    }

    /** The journal of the one run an agent made under {@code runsDir}; null while there is none. */
    private static JournalReader openHost(final Path runsDir)
    {
        try (Stream<Path> runs = Files.list(runsDir))
        {
            final Path journal = runs.map(RunLayout::journal).filter(Files::isDirectory).findFirst().orElse(null);
            return journal == null ? null : JournalReader.open(journal);
        }
        catch (final IOException ex)
        {
            return null; // not there yet
        }
    }

    @Override
    public void close()
    {
        CloseHelper.closeAll(readers);
    }
}
