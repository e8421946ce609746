package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.StaleRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dpl clean}: remove what dead runs left behind (device processes, /dev/shm directories). */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description = "Remove what dead runs left behind: their device processes and /dev/shm/jdpl-* directories. Live runs are not touched.")
final class CleanCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--dry-run", description = "Only list what would be removed.")
    boolean dryRun;

    @Option(names = "--shm-root", paramLabel = "DIR", description = "Where run shared memory lives (default: /dev/shm).", hidden = true)
    Path shmRoot = DriverContext.DEFAULT_SHM_ROOT;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final List<StaleRuns.StaleRun> stale = StaleRuns.find(shmRoot);
        for (final StaleRuns.StaleRun run : stale)
        {
            final String owner = run.owner().map(o -> "Driver pid " + o.driverPid() + " gone").orElse("no owner recorded");
            out.printf("%s %s (%s; %d device process(es) left)%n", dryRun ? "would remove" : "removing",
                run.shmDir(), owner, run.devices().size());
            if (!dryRun)
            {
                StaleRuns.remove(run);
            }
        }
        if (stale.isEmpty())
        {
            out.println("nothing to clean");
        }
        return ExitCode.OK;
    }
}
