package org.jdpl.framework.run;

import java.util.List;
import java.util.Map;

/**
 * What one device replica did, written by the device process as it ends
 * ({@code reports/<device>.<replica>.json} in the run directory) and read by the Driver for the summary.
 *
 * @param state              final state: STOPPED or FAILED
 * @param timeslicesIn       complete timeslices processed (for a source: 0)
 * @param timeslicesOut      timeslices for which it sent at least one output
 * @param timeslicesDropped  timeslices it discarded (incomplete at end of stream, ...)
 * @param errors             errors seen (exceptions, corrupt messages)
 * @param backPressureNanos  time spent waiting on full channels
 * @param failure            what went wrong when FAILED, else null
 * @param metrics            the device's own metrics
 * @param completedRanges    for a sink: the timeslice ids it completed, as inclusive ranges flattened (from, to, from, to...)
 * @param drops              timeslices it dropped, with the reason (at most a few thousand listed)
 */
public record DeviceReport(
    String device,
    int replica,
    String state,
    long timeslicesIn,
    long timeslicesOut,
    long bytesIn,
    long bytesOut,
    long timeslicesDropped,
    long errors,
    long backPressureNanos,
    String failure,
    Map<String, Double> metrics,
    List<Long> completedRanges,
    List<TimesliceDrop> drops)
{
}
