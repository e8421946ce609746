package org.jdpl.framework.device;

/** Given to {@link Device#process}: one timeslice's inputs and outputs. */
public interface ProcessingContext
{
    long timeslice();

    Inputs inputs();

    Outputs outputs();

    Options options();

    Metrics metrics();

    Control control();

    DeviceInfo info();
}
