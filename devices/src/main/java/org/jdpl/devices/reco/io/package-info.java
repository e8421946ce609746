/** Reading TrackML CSV files (plain or gzip): events (hits, cells, truth, particles) and the detector description. */
package org.jdpl.devices.reco.io;
