/**
 * The link between the launching host of a multi-host run and its host agents, over Aeron UDP.
 * Counters travel to the launching host, so that {@code dpl status} and {@code dpl top} there show
 * every host's devices: each agent's {@link org.jdpl.framework.hostcounters.HostCountersSender}
 * sends its replicas' counter values a few times a second, and the launcher's
 * {@link org.jdpl.framework.hostcounters.HostCountersReceiver} writes them into its own counters
 * file, laid out for the whole plan. Commands travel the other way: the launcher's
 * {@link org.jdpl.framework.hostcounters.HostCommandPublisher} tells every agent's
 * {@link org.jdpl.framework.hostcounters.HostCommandListener} to stop or to abort.
 */
package org.jdpl.framework.hostcounters;
