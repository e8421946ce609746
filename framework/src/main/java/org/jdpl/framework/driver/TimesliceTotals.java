package org.jdpl.framework.driver;

import java.util.List;

/**
 * Timeslice accounting of a run: every timeslice a source produced is completed (reached every
 * sink), dropped (a device said so, with the reason) or lost (in flight at a device that died).
 *
 * @param losses          the dropped and lost timeslices, at most {@link TimesliceAccounting#MAX_LISTED} listed
 * @param lossesNotListed how many more there were
 * @param unexplained     of the lost, those no device dropped and no death on their way explains (should be 0)
 */
public record TimesliceTotals(long produced, long completed, long dropped, long lost, List<TimesliceLoss> losses, long lossesNotListed,
    long unexplained)
{
}
