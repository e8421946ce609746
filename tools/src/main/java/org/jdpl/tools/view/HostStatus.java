package org.jdpl.tools.view;

import java.util.Locale;

import org.jdpl.framework.counters.HostSample;
import org.jdpl.framework.counters.HostState;

/**
 * How a host of a multi-host run shows in the inspection commands: {@code starting}, {@code live},
 * {@code silent} (live, but nothing arrived from it for {@link #SILENT_AFTER_MS}: a network
 * problem, or an agent that hangs), {@code ended} or {@code dead}.
 */
final class HostStatus
{
    static final String LIVE = "live";
    /** Hosts send every 250 ms: this many ms of silence is several lost rounds, not jitter. */
    static final long SILENT_AFTER_MS = 2_000;

    private HostStatus()
    {
    }

    /** The status of {@code host} at {@code nowMs}; "" when there is none (a single-host run). */
    static String of(final HostSample host, final long nowMs)
    {
        if (host == null)
        {
            return "";
        }
        if (host.state() == HostState.LIVE && nowMs - host.updateMs() > SILENT_AFTER_MS)
        {
            return "silent";
        }
        return host.state().name().toLowerCase(Locale.ROOT);
    }
}
