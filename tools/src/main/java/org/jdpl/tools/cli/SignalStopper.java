package org.jdpl.tools.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT/SIGTERM during {@code dpl run}: the first asks the run to stop gracefully (sources end
 * their stream, the rest drains), the second kills every device. Restores the previous handlers
 * on close.
 */
final class SignalStopper implements AutoCloseable
{
    private static final String[] SIGNALS = {"INT", "TERM"};

    private final Runnable stop;
    private final Runnable kill;
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];
    private int received;

    SignalStopper(final Runnable stop, final Runnable kill)
    {
        this.stop = stop;
        this.kill = kill;
        for (int i = 0; i < SIGNALS.length; i++)
        {
            previous[i] = Signal.handle(new Signal(SIGNALS[i]), this::onSignal);
        }
    }

    private synchronized void onSignal(final Signal signal)
    {
        received++;
        if (received == 1)
        {
            System.err.println("dpl run: SIG" + signal.getName() + ": stopping; the sources end their stream (again to kill)");
            stop.run();
        }
        else
        {
            System.err.println("dpl run: SIG" + signal.getName() + " again: killing every device");
            kill.run();
        }
    }

    @Override
    public void close()
    {
        for (int i = 0; i < SIGNALS.length; i++)
        {
            final Signal signal = new Signal(SIGNALS[i]);
            try
            {
                Signal.handle(signal, previous[i]);
            }
            catch (final NullPointerException ex)
            {
                // The JDK hands back a wrapper around no handler when it did not track the one before (seen when
                // runs share one JVM, as in the tests), and refuses it back: the JVM's own behaviour stands in.
                Signal.handle(signal, SignalStopper::exitOnSignal);
            }
        }
    }

    private static void exitOnSignal(final Signal signal)
    {
        System.exit(128 + signal.getNumber());
    }
}
