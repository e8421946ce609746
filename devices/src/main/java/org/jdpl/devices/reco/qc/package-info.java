/**
 * Quality control of the reconstruction: physics histograms ({@link org.jdpl.devices.reco.qc.Histogram1D}) filled per
 * event from tracks and truth ({@link org.jdpl.devices.reco.qc.TrackQc}), merged over timeframes and replicas, written
 * as JSON ({@link org.jdpl.devices.reco.qc.QcHistograms}).
 */
package org.jdpl.devices.reco.qc;
