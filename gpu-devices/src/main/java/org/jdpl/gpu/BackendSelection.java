package org.jdpl.gpu;

import java.util.List;

/**
 * The backend chosen, and why every backend before it was passed over.
 *
 * @param backend the chosen backend
 * @param probe   what probing it found
 * @param skipped the probes of backends tried before it, each with its reason
 * @param forced  whether {@code gpu.backend} named it
 */
public record BackendSelection(GpuBackend backend, BackendProbe probe, List<BackendProbe> skipped, boolean forced)
{
    public BackendSelection
    {
        skipped = List.copyOf(skipped);
    }

    /** One line for the log and the summary. */
    public String describe()
    {
        final StringBuilder line = new StringBuilder("GPU backend ").append(probe.describe());
        line.append(forced ? " (requested by name)" : " (discovered)");
        for (final BackendProbe skip : skipped)
        {
            line.append("; skipped ").append(skip.backend()).append(": ").append(skip.reason());
        }
        return line.toString();
    }
}
