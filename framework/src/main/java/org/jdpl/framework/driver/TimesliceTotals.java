package org.jdpl.framework.driver;

/**
 * Timeslice accounting of a run: what the sources produced, what reached every sink, and the rest.
 */
public record TimesliceTotals(long produced, long completed, long dropped)
{
}
