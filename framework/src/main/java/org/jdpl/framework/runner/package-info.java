/**
 * The device runner: the loop inside each device process ({@link org.jdpl.framework.runner.DeviceRunner},
 * an Agrona Agent) and the one entry point of device processes ({@link org.jdpl.framework.runner.DeviceMain}:
 * one device replica, or a process group's members, one runner thread each; a device's own process
 * is a group of one). It receives messages over Aeron IPC, or from a group mate through the
 * group's in-process rings ({@code GroupRings}), and sends on the outlets of its channels, which
 * {@link org.jdpl.framework.channel} builds from the plan; it gathers messages into complete timeslices
 * ({@code TimesliceAssembler}; a device whose one input completes alone skips that and gets each
 * message as it arrives, {@code DirectDelivery}), calls the device, sends its outputs along the plan's routes, obeys
 * the Driver's control commands, ends the stream and writes the device's report.
 *
 * <p>Large payloads go through the run's payload segment ({@code SegmentAccess}): made in a block,
 * sent as a reference, read in place and released when the consumer's timeslice is done; a
 * forwarded block is shared, not copied. Durable routes append to Chronicle queues
 * ({@code DurableRoutes}); a consumer tails them and acknowledges each processed timeslice
 * ({@code DurableInputs}), so after a crash it resumes where it left off.
 *
 * <p>A source under {@code rate-limit { }} is held back by its runner ({@code SourceThrottle}): it
 * reads from the run's shared counters how many timeframes the sinks are done with
 * ({@code SinkCompletions}) and, with {@code smooth}, paces itself at their rate ({@code CompletionPacer}).
 */
package org.jdpl.framework.runner;
