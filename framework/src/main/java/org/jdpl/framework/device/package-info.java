/**
 * The device API: what a device author writes, either a {@link org.jdpl.framework.device.DeviceSpec}
 * (ports, options and the per-timeslice function in one class) or a
 * {@link org.jdpl.framework.device.Device} with its {@link org.jdpl.framework.device.DeviceFactory};
 * and what the framework hands in (contexts, inputs, outputs, options, metrics). Nothing here names
 * a transport.
 */
package org.jdpl.framework.device;
