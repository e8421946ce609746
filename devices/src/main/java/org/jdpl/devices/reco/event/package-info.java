/**
 * The reconstruction event model: columnar tables (cells, modules, spacepoints, truth, particles,
 * seeds, track hits, tracks) laid out in payload memory and read through zero-copy
 * {@link org.jdpl.devices.reco.event.Table} views. Each table kind is described once by a
 * {@link org.jdpl.devices.reco.event.Layout}; the header written with the payload is checked on read.
 */
package org.jdpl.devices.reco.event;
