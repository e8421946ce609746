/**
 * Recording and replaying timeframes: {@code tf-recorder} appends the messages it receives to a
 * Chronicle queue as they travel on the wire; {@code tf-replayer} sends such a queue (or a durable
 * channel's) again as a source, timeslice by timeslice, at the recorded pace or as fast as possible.
 */
package org.jdpl.devices.record;
