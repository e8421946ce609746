package org.jdpl.framework.runner;

/**
 * What the runner counts for the device report. Written by the runner's thread only; read for the
 * report after it ends.
 */
final class RunnerCounters
{
    long timeslicesIn;
    long timeslicesOut;
    long bytesIn;
    long bytesOut;
    long timeslicesDropped;
    long errors;
    long backPressureNanos;
    long connectWaitNanos;
    final TimesliceLedger ledger = new TimesliceLedger();
}
