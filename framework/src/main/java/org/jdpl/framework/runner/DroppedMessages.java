package org.jdpl.framework.runner;

import org.agrona.DirectBuffer;
import org.jdpl.transport.DataHeaderFlyweight;
import org.jdpl.transport.WireError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the runner refuses: counted as errors, logged once per kind (a corrupt stream would
 * otherwise flood the log), dropped. The device never sees them and never crashes on them.
 */
final class DroppedMessages
{
    private static final Logger LOG = LoggerFactory.getLogger(DroppedMessages.class);

    private final String device;
    private final RunnerCounters counters;
    private final boolean[] corruptLogged = new boolean[WireError.values().length];
    private boolean unmatchedLogged;
    private boolean badSpecLogged;
    private boolean duplicateLogged;
    private boolean lateLogged;
    private boolean staleLogged;

    DroppedMessages(final String device, final RunnerCounters counters)
    {
        this.device = device;
        this.counters = counters;
    }

    void onCorrupt(final WireError error, final int length)
    {
        counters.errors++;
        if (!corruptLogged[error.ordinal()])
        {
            corruptLogged[error.ordinal()] = true;
            LOG.warn("{}: dropped a corrupt message of {} bytes: {} (logged once per kind; all are counted as errors)",
                device, length, error.text());
        }
    }

    void onUnmatched(final DirectBuffer buffer, final int offset)
    {
        counters.errors++;
        if (!unmatchedLogged)
        {
            unmatchedLogged = true;
            LOG.warn("{}: dropped a message of {} that matches none of its inputs (logged once; all are counted as errors)",
                device, DataHeaderFlyweight.describe(buffer, offset));
        }
    }

    void onBadSpec(final DirectBuffer buffer, final int offset)
    {
        counters.errors++;
        if (!badSpecLogged)
        {
            badSpecLogged = true;
            LOG.warn("{}: dropped a message whose origin/description '{}' is not valid spec text (logged once)",
                device, DataHeaderFlyweight.describe(buffer, offset));
        }
    }

    /**
     * A reference to a payload this process does not hold: sent to this replica's previous process,
     * which died; the Driver reclaimed it with that process's slot. The timeslice was lost with the
     * dead process, so this is not an error of this one.
     */
    void onStaleReference(final String label, final long timeslice)
    {
        if (!staleLogged)
        {
            staleLogged = true;
            LOG.warn("{}: input '{}' of timeslice {} refers to a payload reclaimed when this replica's previous process " +
                "died; dropped (logged once; counted as segment.staleRefs)", device, label, timeslice);
        }
    }

    /** An optional message after its timeslice was delivered: expected now and then, so not an error; counted by the assembler. */
    void onLate(final String label, final long timeslice)
    {
        if (!lateLogged)
        {
            lateLogged = true;
            LOG.info("{}: optional input '{}' of timeslice {} arrived after that timeslice was processed; dropped as late " +
                "(logged once; counted as inputs.late)", device, label, timeslice);
        }
    }

    void onDuplicate(final String label, final long timeslice)
    {
        counters.errors++;
        if (!duplicateLogged)
        {
            duplicateLogged = true;
            LOG.warn("{}: input '{}' arrived twice for timeslice {}; kept the first, dropped the second (logged once)",
                device, label, timeslice);
        }
    }
}
