package org.jdpl.framework.driver;

/** A produced timeslice that did not reach every sink: where, and why. */
public record TimesliceLoss(long timeslice, String device, String reason)
{
}
