package org.jdpl.tools.top;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jdpl.framework.journal.JournalEntry;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.tools.view.RunJournals;
import org.jdpl.tools.view.ReplicaRow;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunView;
import org.jdpl.tools.view.TimeSeriesReader.Sample;

/** What {@code dpl top} shows: the run, its latest view, the selection, the mode, log tails. */
final class TopModel
{
    static final int LOG_LINES_KEPT = 200;

    /** What fills the lower part of the screen. */
    enum Mode
    {
        OVERVIEW, DETAILS, LOGS
    }

    private final Map<String, ArrayDeque<String>> logs = new HashMap<>();
    private RunEntry run;
    private RunView view;
    private int selected;
    private Mode mode = Mode.OVERVIEW;
    private String message = "";
    private long refreshes;
    private ThroughputHistory history;

    RunEntry run()
    {
        return run;
    }

    void run(final RunEntry run)
    {
        this.run = run;
        if (history == null)
        {
            history = new ThroughputHistory(run.manifest().plan().devices().stream().filter(PlannedDevice::isSource)
                .map(PlannedDevice::name).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /** A sample of the run's time series, for the throughput sparklines. */
    void onSample(final Sample sample)
    {
        history.add(sample);
    }

    /** The replica's throughput over the last minute, {@code width} characters. */
    String sparkline(final String replica, final int width)
    {
        return history == null ? " ".repeat(width) : history.sparkline(replica, width);
    }

    RunView view()
    {
        return view;
    }

    void view(final RunView view)
    {
        this.view = view;
        refreshes++;
        selected = Math.max(0, Math.min(selected, replicas().size() - 1));
    }

    long refreshes()
    {
        return refreshes;
    }

    List<ReplicaRow> replicas()
    {
        return view == null ? List.of() : view.replicas();
    }

    ReplicaRow selectedRow()
    {
        final List<ReplicaRow> rows = replicas();
        return rows.isEmpty() ? null : rows.get(selected);
    }

    int selected()
    {
        return selected;
    }

    void move(final int delta)
    {
        selected = Math.max(0, Math.min(selected + delta, replicas().size() - 1));
    }

    Mode mode()
    {
        return mode;
    }

    /** Switches to {@code target}, or back to the overview when already there. */
    void toggle(final Mode target)
    {
        mode = mode == target ? Mode.OVERVIEW : target;
    }

    String message()
    {
        return message;
    }

    void message(final String message)
    {
        this.message = message;
    }

    /** Whether any source reports being paused. */
    boolean sourcesPaused()
    {
        for (final ReplicaRow r : replicas())
        {
            if (r.paused())
            {
                return true;
            }
        }
        return false;
    }

    void onJournal(final JournalEntry entry)
    {
        final ArrayDeque<String> lines = logs.computeIfAbsent(RunJournals.replicaOf(entry.source()), k -> new ArrayDeque<>());
        lines.addLast(entry.format());
        if (lines.size() > LOG_LINES_KEPT)
        {
            lines.removeFirst();
        }
    }

    /** The last lines of {@code source}, oldest first. */
    List<String> logTail(final String source, final int count)
    {
        final ArrayDeque<String> lines = logs.get(source);
        if (lines == null)
        {
            return List.of();
        }
        final List<String> all = List.copyOf(lines);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }
}
