package org.jdpl.framework.device;

/** Given to {@link Device#endOfStream}: last outputs may still be written (timeslice {@link #timeslice()}). */
public interface EndOfStreamContext
{
    /** The timeslice id used for anything written here: one past the last seen. */
    long timeslice();

    Outputs outputs();

    Options options();

    Metrics metrics();

    DeviceInfo info();
}
