/**
 * Counters that travel from the hosts of a multi-host run to the launching host, so that
 * {@code dpl status} and {@code dpl top} there show every host's devices: each host agent's
 * {@link org.jdpl.framework.hostcounters.HostCountersSender} sends its replicas' counter values
 * over Aeron UDP a few times a second, and the launcher's
 * {@link org.jdpl.framework.hostcounters.HostCountersReceiver} writes them into its own counters
 * file, laid out for the whole plan.
 */
package org.jdpl.framework.hostcounters;
