package org.jdpl.framework.driver;

import java.util.LinkedHashMap;
import java.util.Map;

import io.aeron.Aeron;
import io.aeron.driver.status.SystemCounterDescriptor;
import org.agrona.concurrent.status.CountersReader;

/**
 * The media driver's own counters of loss recovery on cross-host streams, for the run summary:
 * Aeron's NAK/retransmit does the recovery, these say how much there was to recover.
 */
final class NetworkCounters
{
    static final String RETRANSMITS_SENT = "net.retransmitsSent";
    static final String NAKS_SENT = "net.naksSent";
    static final String NAKS_RECEIVED = "net.naksReceived";
    static final String LOSS_GAP_FILLS = "net.lossGapFills";
    static final String BYTES_SENT = "net.bytesSent";
    static final String BYTES_RECEIVED = "net.bytesReceived";

    private NetworkCounters()
    {
    }

    static Map<String, Double> read(final Aeron aeron)
    {
        final CountersReader counters = aeron.countersReader();
        final Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(RETRANSMITS_SENT, value(counters, SystemCounterDescriptor.RETRANSMITS_SENT));
        metrics.put(NAKS_SENT, value(counters, SystemCounterDescriptor.NAK_MESSAGES_SENT));
        metrics.put(NAKS_RECEIVED, value(counters, SystemCounterDescriptor.NAK_MESSAGES_RECEIVED));
        metrics.put(LOSS_GAP_FILLS, value(counters, SystemCounterDescriptor.LOSS_GAP_FILLS));
        metrics.put(BYTES_SENT, value(counters, SystemCounterDescriptor.BYTES_SENT));
        metrics.put(BYTES_RECEIVED, value(counters, SystemCounterDescriptor.BYTES_RECEIVED));
        return metrics;
    }

    private static double value(final CountersReader counters, final SystemCounterDescriptor descriptor)
    {
        return counters.getCounterValue(descriptor.id());
    }
}
