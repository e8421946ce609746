/**
 * The contract between the Driver and device processes: the run manifest it writes, the reports
 * they write back, exit codes, and where these files live: the payload segment's process slots
 * ({@link org.jdpl.framework.run.SegmentSlots}) and the durable channels' queues
 * ({@link org.jdpl.framework.run.DurableChannels}) are functions of the plan, so no one has to be asked.
 */
package org.jdpl.framework.run;
