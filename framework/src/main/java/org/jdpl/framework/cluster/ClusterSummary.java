package org.jdpl.framework.cluster;

import java.util.List;

import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.TimesliceTotals;

/**
 * What a run that spanned hosts did: its status, the first failure (naming the host), and each host's outcome.
 *
 * @param status     OK only when every host's part was, or was lost as expendable
 * @param failure    why it failed, naming the host; null when it did not
 * @param incidents  what the run went on without (hosts lost with only expendable devices), naming each host
 * @param timeslices every timeslice of the run, accounted for across hosts
 * @param hosts      each host's outcome, in the plan's host order
 */
public record ClusterSummary(RunStatus status, String failure, List<String> incidents, TimesliceTotals timeslices, List<HostOutcome> hosts)
{
    /** The sum of one metric over every host's summary ({@code net.retransmitsSent}); 0 when none has it. */
    public double metric(final String name)
    {
        double sum = 0;
        for (final HostOutcome host : hosts)
        {
            if (host.summary() != null)
            {
                sum += host.summary().metrics().getOrDefault(name, 0.0);
            }
        }
        return sum;
    }
}
