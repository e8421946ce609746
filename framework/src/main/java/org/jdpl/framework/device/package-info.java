/**
 * The device API: what a device author implements ({@link org.jdpl.framework.device.Device},
 * {@link org.jdpl.framework.device.DeviceFactory}) and what the framework hands in (contexts,
 * inputs, outputs, options, metrics). Nothing here names a transport.
 */
package org.jdpl.framework.device;
