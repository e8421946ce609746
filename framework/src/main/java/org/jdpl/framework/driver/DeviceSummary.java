package org.jdpl.framework.driver;

/** One device replica in the run summary. */
public record DeviceSummary(
    String name,
    String type,
    int replica,
    long pid,
    int exitCode,
    String exit,
    String state,
    long timeslicesIn,
    long timeslicesOut,
    long bytesIn,
    long bytesOut,
    long timeslicesDropped,
    long errors,
    long restarts,
    double backPressureSeconds)
{
}
