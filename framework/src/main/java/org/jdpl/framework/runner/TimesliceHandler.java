package org.jdpl.framework.runner;

import org.jdpl.framework.device.Inputs;

/** Receives complete timeslices from a {@link TimesliceAssembler}; the inputs are valid only during the call. */
@FunctionalInterface
interface TimesliceHandler
{
    void onTimeslice(long timeslice, Inputs inputs) throws Exception;
}
