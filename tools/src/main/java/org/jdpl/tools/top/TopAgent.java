package org.jdpl.tools.top;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import org.agrona.concurrent.Agent;
import org.jdpl.framework.counters.CountersSnapshot;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunJournals;
import org.jdpl.tools.view.RunLocator;
import org.jdpl.tools.view.RunView;
import org.jdpl.tools.view.TimeSeriesTail;
import org.jdpl.framework.run.RunLayout;

/**
 * The loop of {@code dpl top}: reads keys, re-reads the counters and the journal every
 * {@link #REFRESH_NS} (and at once after a key), draws. Done when the user quits.
 */
final class TopAgent implements Agent
{
    static final long REFRESH_NS = TimeUnit.MILLISECONDS.toNanos(400);
    private static final int JOURNAL_BATCH = 512;

    private final Screen screen;
    private final TopModel model;
    private final RunControl control;
    private final RunCountersFile counters;
    private final RunJournals journal;
    private final TimeSeriesTail series;
    private CountersSnapshot previous;
    private long lastRefreshNs;
    private boolean dirty = true;
    private boolean done;

    TopAgent(final Screen screen, final RunEntry run, final RunCountersFile counters, final RunJournals journal)
    {
        this.screen = screen;
        this.model = new TopModel();
        this.model.run(run);
        this.control = new RunControl(run.manifest());
        this.counters = counters;
        this.journal = journal;
        this.series = new TimeSeriesTail(RunLayout.timeSeries(run.dir()));
        this.lastRefreshNs = System.nanoTime() - REFRESH_NS;
    }

    @Override
    public String roleName()
    {
        return "dpl-top";
    }

    boolean isDone()
    {
        return done;
    }

    @Override
    public int doWork() throws IOException
    {
        int work = keys();
        final long now = System.nanoTime();
        if (now - lastRefreshNs >= REFRESH_NS)
        {
            lastRefreshNs = now;
            refresh();
            work++;
        }
        if (dirty && !done)
        {
            dirty = false;
            draw();
        }
        return work;
    }

    @Override
    public void onClose()
    {
        control.close();
        try
        {
            series.close();
        }
        catch (final IOException ex)
        {
            // a file only read: nothing to lose
        }
    }

    private int keys() throws IOException
    {
        int work = 0;
        KeyStroke key;
        while (!done && (key = screen.pollInput()) != null)
        {
            work++;
            dirty = true;
            onKey(key);
        }
        return work;
    }

    private void onKey(final KeyStroke key)
    {
        if (key.getKeyType() == KeyType.ArrowUp)
        {
            model.move(-1);
        }
        else if (key.getKeyType() == KeyType.ArrowDown)
        {
            model.move(1);
        }
        else if (key.getKeyType() == KeyType.Enter)
        {
            model.toggle(TopModel.Mode.DETAILS);
        }
        else if (key.getKeyType() == KeyType.Escape || key.getKeyType() == KeyType.EOF)
        {
            done = key.getKeyType() == KeyType.EOF;
            model.toggle(TopModel.Mode.OVERVIEW);
        }
        else if (key.getKeyType() == KeyType.Character)
        {
            switch (Character.toLowerCase(key.getCharacter()))
            {
                case 'q' -> done = true;
                case 'k' -> model.move(-1);
                case 'j' -> model.move(1);
                case 'l' -> model.toggle(TopModel.Mode.LOGS);
                case 'p' -> model.message(model.run().running() ? control.pause(!model.sourcesPaused()) : "the run has ended");
                case 's' -> model.message(model.run().running() ? control.stop() : "the run has ended");
                default -> model.message("unknown key '" + key.getCharacter() + "'");
            }
        }
    }

    private void refresh()
    {
        final RunEntry again = RunLocator.read(model.run().dir());
        if (again != null)
        {
            model.run(again);
        }
        if (counters != null)
        {
            final CountersSnapshot now = CountersSnapshot.read(counters);
            model.view(RunView.of(model.run().manifest().plan(), previous, now));
            previous = now;
        }
        if (journal != null)
        {
            journal.poll(model::onJournal, JOURNAL_BATCH);
        }
        try
        {
            series.poll().forEach(model::onSample);
        }
        catch (final IOException ex)
        {
            model.message("cannot read the run's time series: " + ex.getMessage()); // the sparklines stop; the rest goes on
        }
        dirty = true;
    }

    private void draw()
    {
        try
        {
            final TerminalSize resized = screen.doResizeIfNecessary();
            if (resized != null)
            {
                screen.clear();
            }
            screen.clear();
            TopRenderer.draw(model, screen.newTextGraphics(), screen.getTerminalSize());
            screen.refresh();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot draw on the terminal: " + ex.getMessage(), ex);
        }
    }
}
