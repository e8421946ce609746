package org.jdpl.framework.topology;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;

/**
 * What the loader made of the files and overrides: one merged, resolved configuration.
 *
 * @param config          the merged configuration, substitutions resolved; values that could not be
 *                        resolved are removed (and reported)
 * @param removedPaths    paths removed because their substitution failed, so that no second problem
 *                        is reported about them
 * @param deviceOrigins   each declared device's location ({@code file.conf:LINE}), in declaration order
 * @param sources         the topology files, as the user named them
 * @param complete        false when a file or the resolution failed: whole-topology checks (missing
 *                        producers, cycles) would then only repeat that problem in other words
 */
record LoadedTopology(Config config, Set<String> removedPaths, Map<String, String> deviceOrigins, List<String> sources, boolean complete)
{
}
