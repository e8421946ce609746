/**
 * The Driver ({@code dpl run}): run directories, the embedded media driver, spawning and
 * supervising device processes, stop and kill policy, and the run summary. The payload segment is
 * created and kept by {@code SegmentKeeper}, which reclaims the holds of every process that exits.
 */
package org.jdpl.framework.driver;
