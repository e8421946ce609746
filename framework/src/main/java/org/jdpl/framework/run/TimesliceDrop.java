package org.jdpl.framework.run;

/** A timeslice a device dropped, and why. */
public record TimesliceDrop(long timeslice, String reason)
{
}
