package org.jdpl.framework.device;

/** What a device may ask of the framework from inside a call. */
public interface Control
{
    /** A source has produced its last timeslice: end the stream after this call. */
    void endOfStream();

    /** Whether the run has been asked to stop (a source should end its stream soon). */
    boolean stopRequested();
}
