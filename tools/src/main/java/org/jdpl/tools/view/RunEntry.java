package org.jdpl.tools.view;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;

/**
 * One run found in the runs directory.
 *
 * @param id       the run id (its directory's name)
 * @param dir      the persistent run directory
 * @param manifest its run.json
 * @param running  its Driver is alive and it has no summary yet
 * @param summary  summary.json when it ended, else null
 */
public record RunEntry(String id, Path dir, RunManifest manifest, boolean running, JsonNode summary)
{
    /** running, ok, failed, interrupted, or dead (the Driver died without a summary). */
    public String status()
    {
        if (running)
        {
            return "running";
        }
        return summary == null ? "dead" : summary.path("status").asText("?").toLowerCase(java.util.Locale.ROOT);
    }

    public Path countersFile()
    {
        return RunLayout.counters(Path.of(manifest.shmDir()));
    }

    public Path journalDir()
    {
        return RunLayout.journal(dir);
    }
}
