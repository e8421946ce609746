/** Track finding: seeds extended layer by layer along a refitted helix, then shared hits resolved. */
package org.jdpl.devices.reco.find;
