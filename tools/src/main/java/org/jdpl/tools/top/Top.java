package org.jdpl.tools.top;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.jdpl.framework.counters.RunCountersFile;
import org.jdpl.tools.view.RunEntry;
import org.jdpl.tools.view.RunJournals;

/** Runs {@code dpl top} on the process's terminal until the user quits. */
public final class Top
{
    private static final long IDLE_MS = 20;

    private Top()
    {
    }

    /** Shows {@code run} on the terminal until 'q'; the run goes on regardless. */
    public static void show(final RunEntry run) throws Exception
    {
        try (RunCountersFile counters = openCounters(run);
            RunJournals journal = openJournal(run);
            Screen screen = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true).createScreen())
        {
            screen.startScreen();
            screen.setCursorPosition(null);
            final TopAgent agent = new TopAgent(screen, run, counters, journal);
            final IdleStrategy idle = new SleepingMillisIdleStrategy(IDLE_MS);
            try
            {
                while (!agent.isDone())
                {
                    idle.idle(agent.doWork());
                }
            }
            finally
            {
                agent.onClose();
                screen.stopScreen();
            }
        }
    }

    private static RunCountersFile openCounters(final RunEntry run)
    {
        try
        {
            return run.running() ? RunCountersFile.open(run.countersFile()) : null;
        }
        catch (final IOException ex)
        {
            return null; // ended as we attached: the journal still tells
        }
    }

    private static RunJournals openJournal(final RunEntry run)
    {
        try
        {
            return RunJournals.open(run);
        }
        catch (final IOException ex)
        {
            return null;
        }
    }
}
