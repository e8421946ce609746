/**
 * The device runner: the loop inside each device process ({@link org.jdpl.framework.runner.DeviceRunner},
 * an Agrona Agent) and the process entry point ({@link org.jdpl.framework.runner.DeviceMain}). It
 * receives messages over Aeron IPC, gathers them into complete timeslices
 * ({@code TimesliceAssembler}), calls the device, sends its outputs along the plan's routes, obeys
 * the Driver's control commands, ends the stream and writes the device's report.
 */
package org.jdpl.framework.runner;
