/**
 * Replaying recorded streams as sources: {@code queue-replayer} sends again, timeslice by
 * timeslice, what a durable channel recorded in a run's Chronicle queue.
 */
package org.jdpl.devices.replay;
