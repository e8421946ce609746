/**
 * {@code dpl top}: the live terminal view of a run (Lanterna). {@link org.jdpl.tools.top.TopAgent}
 * is the loop (keys, readings, drawing), {@link org.jdpl.tools.top.TopModel} what is shown,
 * {@link org.jdpl.tools.top.TopRenderer} how, {@link org.jdpl.tools.top.RunControl} the two ways it
 * acts on a run (PAUSE/RESUME on the run's control stream; a stop is the Driver's SIGTERM),
 * {@link org.jdpl.tools.top.ThroughputHistory} each replica's last minute as a sparkline. It only reads
 * the counters file, the journal and the time series, so attaching and detaching never disturb the run.
 */
package org.jdpl.tools.top;
