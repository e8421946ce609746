/**
 * The Driver ({@code dpl run}): run directories, the embedded media driver, spawning and
 * supervising device processes, stop and kill policy, and the run summary. The payload segment is
 * created and kept by {@code SegmentKeeper}, which reclaims the holds of every process that exits.
 * {@code pipeline = auto} devices get their replicas from a quiet warm-up run first
 * ({@code WarmupProbe} measures, {@link org.jdpl.framework.driver.AutoPipeline} chooses,
 * {@link org.jdpl.framework.plan.PlanReplicas} resizes the plan).
 */
package org.jdpl.framework.driver;
