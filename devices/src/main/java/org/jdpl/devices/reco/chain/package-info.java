/** The reconstruction steps over whole timeframe tables, one method per device, for in-process use and tests. */
package org.jdpl.devices.reco.chain;
