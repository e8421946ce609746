/** The TrackML score and the usual tracking figures of merit (efficiency, fake and duplicate rates, pT resolution). */
package org.jdpl.devices.reco.score;
