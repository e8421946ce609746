package org.jdpl.framework.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jdpl.framework.plan.Plan;

/**
 * Carries a run's device libraries to every host: each jar the plan names is copied into the run
 * directory, which every host sees (its agents read plan.json there), and the plan the agents read
 * names the copies. So a jar on a disk only the launching host has (a build directory, /tmp) runs on
 * every host, and rebuilding it during the run changes nothing in the run.
 */
final class ClusterLibraries
{
    static final String DIRECTORY = "libraries";

    private ClusterLibraries()
    {
    }

    /** {@code plan} with each library jar copied under {@code runDir}/libraries/ (a jar used by several types once). */
    static Plan shipInto(final Path runDir, final Plan plan) throws IOException
    {
        if (plan.libraries().isEmpty())
        {
            return plan;
        }
        final Path directory = Files.createDirectories(runDir.resolve(DIRECTORY)).toAbsolutePath();
        final Map<String, String> copies = new LinkedHashMap<>();
        final Map<String, String> byType = new TreeMap<>();
        for (final Map.Entry<String, String> library : plan.libraries().entrySet())
        {
            String copy = copies.get(library.getValue());
            if (copy == null)
            {
                // Numbered: two jars of one file name from different directories stay apart.
                final Path jar = Path.of(library.getValue());
                final Path target = directory.resolve(copies.size() + 1 + "-" + jar.getFileName());
                try
                {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                }
                catch (final IOException e)
                {
                    throw new IOException("cannot copy device library " + jar + " to " + target + " for the hosts (" + e + ")", e);
                }
                copy = target.toString();
                copies.put(library.getValue(), copy);
            }
            byType.put(library.getKey(), copy);
        }
        return plan.withLibraries(byType);
    }
}
