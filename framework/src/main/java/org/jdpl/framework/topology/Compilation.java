package org.jdpl.framework.topology;

import java.util.List;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.jdpl.framework.plan.Plan;

/**
 * What {@link TopologyCompiler} made of the topology files.
 *
 * @param plan     the physical plan, or null when there are problems
 * @param problems every problem found, by file (in the order given) and line; {@code --set} problems last
 * @param config   the merged, resolved configuration (overrides applied), for settings later steps read
 */
public record Compilation(Plan plan, List<Problem> problems, Config config)
{
    public boolean ok()
    {
        return problems.isEmpty();
    }

    /** Where {@code path} ({@code devices.fwd.pipeline}) is written, {@code file.conf:LINE}; "" when it is not. */
    public String locationOf(final String path)
    {
        try
        {
            return config.hasPath(path) ? Locations.of(config.getValue(path).origin()) : "";
        }
        catch (final ConfigException e)
        {
            return "";
        }
    }

    /** The problems, one line each, without a final line break (for {@code println}). */
    public String problemReport()
    {
        final StringBuilder report = new StringBuilder();
        for (final Problem problem : problems)
        {
            report.append(report.isEmpty() ? "" : "\n").append(problem);
        }
        return report.toString();
    }
}
