package org.jdpl.tools.top;

import java.util.List;
import java.util.Locale;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.jdpl.tools.view.EdgeRow;
import org.jdpl.tools.view.ReplicaRow;
import org.jdpl.tools.view.RunView;
import org.jdpl.tools.view.Units;

/**
 * Draws a {@link TopModel} on a Lanterna screen of any size from 80x24 up: a title line, the
 * replica table (state colours, rates, p50/p99, back-pressure, CPU, RSS, GPU when there is one),
 * then edges and the selected replica's log tail, its details, or its whole log; keys at the bottom.
 */
final class TopRenderer
{
    static final String KEYS = "up/down j/k select  Enter details  l logs  p pause/resume  s stop  q quit";
    private static final String HEADER = "%-13s %-8s %8s %6s %6s %6s %6s %4s %4s %5s";
    /** A multi-host run's first column: the host, and its status when not live. */
    private static final int HOST_WIDTH = 11;
    /** The GPU load a device should stay under; marked on each GPU bar. */
    private static final double GPU_LOAD_LINE_PERCENT = 70;
    private static final int GPU_BAR_WIDTH = 10;
    /** The throughput sparkline: one character per 3 s of the last minute. */
    static final int SPARKLINE_WIDTH = 20;
    static final String SPARKLINE_HEADER = "  tf/s, last 60 s";

    private TopRenderer()
    {
    }

    static void draw(final TopModel model, final TextGraphics g, final TerminalSize size)
    {
        final int cols = size.getColumns();
        final int rows = size.getRows();
        int row = 0;
        title(model, g, cols);
        row++;
        final RunView view = model.view();
        final List<ReplicaRow> replicas = model.replicas();
        final boolean gpu = replicas.stream().anyMatch(r -> r.gpuPercent() >= 0);
        final boolean hosts = model.run().manifest().plan().placement().spansHosts();
        g.enableModifiers(SGR.BOLD);
        put(g, 0, row++, hostCell(hosts, "host") + String.format(HEADER, "replica", "state", "tf in", "in/s", "out/s", "p50", "p99", "bp%", "cpu%", "rss") +
            (gpu ? "  " + String.format("%-16s", "gpu (|=70%)") : "") + SPARKLINE_HEADER, cols);
        g.disableModifiers(SGR.BOLD);
        if (view == null)
        {
            put(g, 0, row, "no live counters: the run " + (model.run().running() ? "is starting" : "has ended (" +
                model.run().status() + "); `dpl status " + model.run().id() + "` shows its summary"), cols);
        }
        final int lowerRows = model.mode() == TopModel.Mode.OVERVIEW ? Math.min(10, rows / 3) : rows / 2;
        final int tableRows = Math.max(1, rows - row - 1 - lowerRows);
        final int first = Math.max(0, model.selected() - tableRows + 1);
        for (int i = first; i < replicas.size() && i < first + tableRows; i++)
        {
            replicaLine(g, row++, replicas.get(i), model.sparkline(replicas.get(i).label(), SPARKLINE_WIDTH), i == model.selected(), gpu, hosts, cols);
        }
        row = Math.max(row, rows - 1 - lowerRows);
        final ReplicaRow selected = model.selectedRow();
        switch (model.mode())
        {
            case OVERVIEW ->
            {
                row = edges(g, row, view, Math.min(4, lowerRows / 2), cols);
                logs(model, g, row, rows - 1 - row, selected, cols);
            }
            case DETAILS -> details(g, row, selected, cols);
            case LOGS -> logs(model, g, row, rows - 1 - row, selected, cols);
        }
        g.setForegroundColor(TextColor.ANSI.BLACK);
        g.setBackgroundColor(TextColor.ANSI.WHITE);
        put(g, 0, rows - 1, pad(model.message().isEmpty() ? KEYS : model.message() + "  |  " + KEYS, cols), cols);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
    }

    private static void title(final TopModel model, final TextGraphics g, final int cols)
    {
        final RunView view = model.view();
        final StringBuilder text = new StringBuilder("jdpl top  run ").append(model.run().id()).append("  ").append(model.run().status());
        if (view != null)
        {
            text.append("  ").append(view.done()).append(" tf done  ").append(Units.rate(view.donePerSecond())).append("/s  ")
                .append(view.inFlight()).append(" in flight");
        }
        if (model.sourcesPaused())
        {
            text.append("  PAUSED");
        }
        g.enableModifiers(SGR.REVERSE);
        put(g, 0, 0, pad(text.toString(), cols), cols);
        g.disableModifiers(SGR.REVERSE);
    }

    private static String hostCell(final boolean hosts, final String text)
    {
        return hosts ? String.format("%-" + HOST_WIDTH + "s ", clip(text, HOST_WIDTH)) : "";
    }

    private static void replicaLine(
        final TextGraphics g, final int row, final ReplicaRow r, final String sparkline, final boolean selected, final boolean gpu,
        final boolean hosts, final int cols)
    {
        final String line = hostCell(hosts, r.hostColumn()) + String.format(Locale.ROOT, HEADER, clip(r.label(), 13), shortState(r.state()) + (r.paused() ? "||" : ""),
            r.timeslicesIn() > 0 ? r.timeslicesIn() : r.timeslicesOut(), Units.rate(r.inPerSecond()), Units.rate(r.outPerSecond()),
            Units.nanos(r.p50Nanos()), Units.nanos(r.p99Nanos()), String.format(Locale.ROOT, "%.0f", r.bpPercent()),
            String.format(Locale.ROOT, "%.0f", r.cpuPercent()), Units.bytes(r.rssBytes())) + (gpu ? "  " + String.format("%-16s", gpuBar(r.gpuPercent())) : "") +
            "  " + sparkline;
        g.setForegroundColor(stateColour(r.state()));
        if (selected)
        {
            g.enableModifiers(SGR.REVERSE);
        }
        put(g, 0, row, pad(line, cols), cols);
        g.disableModifiers(SGR.REVERSE);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    /** {@code [#####  |  ] 55%}: the busy share, with the 70 % load line as '|'. */
    static String gpuBar(final double percent)
    {
        if (percent < 0)
        {
            return "-";
        }
        final StringBuilder bar = new StringBuilder("[");
        final int filled = (int)Math.round(percent / 100 * GPU_BAR_WIDTH);
        final int line = (int)Math.round(GPU_LOAD_LINE_PERCENT / 100 * GPU_BAR_WIDTH);
        for (int i = 0; i < GPU_BAR_WIDTH; i++)
        {
            bar.append(i == line ? '|' : i < filled ? '#' : ' ');
        }
        return bar.append("] ").append(String.format(Locale.ROOT, "%.0f%%", percent)).toString();
    }

    private static int edges(final TextGraphics g, final int startRow, final RunView view, final int maxRows, final int cols)
    {
        int row = startRow;
        if (view == null || maxRows <= 0)
        {
            return row;
        }
        g.enableModifiers(SGR.BOLD);
        put(g, 0, row++, "edges", cols);
        g.disableModifiers(SGR.BOLD);
        final List<EdgeRow> edges = view.edges();
        for (int i = 0; i < edges.size() && i < maxRows; i++)
        {
            final EdgeRow e = edges.get(i);
            put(g, 0, row++, String.format(Locale.ROOT, "  %-32s %8s msg/s %8.2f MB/s %12d sent",
                clip(e.from() + " -> " + e.to(), 32), Units.rate(e.perSecond()), e.mbPerSecond(), e.messages()), cols);
        }
        return row;
    }

    private static void logs(final TopModel model, final TextGraphics g, final int startRow, final int count, final ReplicaRow r, final int cols)
    {
        if (r == null || count <= 1)
        {
            return;
        }
        g.enableModifiers(SGR.BOLD);
        put(g, 0, startRow, "log " + r.label(), cols);
        g.disableModifiers(SGR.BOLD);
        int row = startRow + 1;
        for (final String line : model.logTail(r.label(), count - 1))
        {
            put(g, 0, row++, line, cols);
        }
    }

    private static void details(final TextGraphics g, final int startRow, final ReplicaRow r, final int cols)
    {
        if (r == null)
        {
            return;
        }
        int row = startRow;
        g.enableModifiers(SGR.BOLD);
        put(g, 0, row++, "details " + r.label() + (r.host().isEmpty() ? "" : " on " + r.hostColumn()), cols);
        g.disableModifiers(SGR.BOLD);
        put(g, 0, row++, String.format(Locale.ROOT, "  state %s%s   pid %d   exit %s   restarts 0   heartbeat %s",
            r.state(), r.paused() ? " (paused)" : "", r.pid(), r.exitCode() < 0 ? "-" : Long.toString(r.exitCode()),
            r.heartbeatAgeMs() < 0 ? "-" : r.heartbeatAgeMs() + " ms ago"), cols);
        put(g, 0, row++, String.format(Locale.ROOT, "  timeslices in %d (%s/s)   out %d (%s/s)   errors %d",
            r.timeslicesIn(), Units.rate(r.inPerSecond()), r.timeslicesOut(), Units.rate(r.outPerSecond()), r.errors()), cols);
        put(g, 0, row++, String.format(Locale.ROOT, "  MB/s in %.2f   out %.2f", r.mbInPerSecond(), r.mbOutPerSecond()), cols);
        put(g, 0, row++, String.format(Locale.ROOT, "  processing p50 %s   p99 %s", Units.nanos(r.p50Nanos()), Units.nanos(r.p99Nanos())), cols);
        put(g, 0, row++, String.format(Locale.ROOT, "  back-pressure %.1f %%   idle %.1f %%   cpu %.1f %%   rss %s   gpu %s",
            r.bpPercent(), r.idlePercent(), r.cpuPercent(), Units.bytes(r.rssBytes()), gpuBar(r.gpuPercent())), cols);
    }

    /** States fit in 8 columns. */
    private static String shortState(final String state)
    {
        return "INITIALIZING".equals(state) ? "INIT" : state;
    }

    private static TextColor stateColour(final String state)
    {
        return switch (state)
        {
            case "RUNNING" -> TextColor.ANSI.GREEN;
            case "FAILED" -> TextColor.ANSI.RED;
            case "STOPPED" -> TextColor.ANSI.BLUE;
            case "CREATED" -> TextColor.ANSI.DEFAULT;
            default -> TextColor.ANSI.YELLOW;
        };
    }

    private static void put(final TextGraphics g, final int col, final int row, final String text, final int cols)
    {
        g.putString(col, row, clip(text, cols - col));
    }

    private static String clip(final String text, final int width)
    {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width));
    }

    private static String pad(final String text, final int width)
    {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
