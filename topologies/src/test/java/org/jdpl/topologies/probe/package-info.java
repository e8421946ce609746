/** Device types only the end-to-end tests use: probes of where payload bytes live. */
package org.jdpl.topologies.probe;
