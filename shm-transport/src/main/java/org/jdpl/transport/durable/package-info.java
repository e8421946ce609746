/**
 * Durable channels: messages appended to a Chronicle queue in the persistent run directory, so a
 * consumer that crashed resumes where it left off and a finished run can be replayed.
 * {@link org.jdpl.transport.durable.DurableWriter} appends whole messages (header block and
 * payload, as on the wire), {@link org.jdpl.transport.durable.DurableReader} tails them in place,
 * and {@link org.jdpl.transport.durable.AckFile} keeps a consumer's last acknowledged message
 * across its crashes.
 */
package org.jdpl.transport.durable;
