/**
 * The run journal: a Chronicle queue in {@code runs/<run-id>/journal} holding every log line of
 * every device process, the Driver's own events and every device state change, timestamped. It
 * lives in memory-mapped files, so what was appended survives a crash of the Driver; {@code dpl logs}
 * and {@code dpl top} read it.
 */
package org.jdpl.framework.journal;
