package org.jdpl.framework.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.jdpl.framework.driver.Driver;
import org.jdpl.framework.driver.DriverContext;
import org.jdpl.framework.driver.RunSetupException;
import org.jdpl.framework.driver.RunStatus;
import org.jdpl.framework.driver.RunSummary;
import org.jdpl.framework.driver.StaleRuns;
import org.jdpl.framework.driver.SummaryPrinter;
import org.jdpl.framework.hostcounters.RunSecret;
import org.jdpl.framework.plan.Plan;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The host agent, one per host of a run:
 * {@code java @jvm.flags -cp CP org.jdpl.framework.cluster.HostAgentMain <plan.json> <host> <runs dir> <summary.json> [<counters to> <commands from> <secret file>]}.
 * A Driver for the replicas the plan places on {@code host}: it makes this host's /dev/shm run
 * directory, media driver and payload segment, starts and supervises its devices, writes its run
 * summary (with the media driver's retransmission counters) to {@code summary.json}, sends its
 * replicas' counters to {@code address:port} of the launching host while it runs and takes its stop
 * and abort commands from the other {@code address:port} (when given; both tagged with the run's
 * secret, read from the secret file, which must be readable by its user only), and exits 0 when its part of
 * the run went well, 1 when it failed, 2 on bad arguments, 3 when stopped (aborted included).
 * SIGTERM or SIGINT stops its devices (a second one kills them).
 */
public final class HostAgentMain
{
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_SETUP = 2;
    public static final int STOPPED = 3;
    /** System property: how long its devices get to stop before they are killed (ms). */
    public static final String STOP_GRACE_PROPERTY = "jdpl.agent.stopGraceMs";
    /** {@code HostAgentMain --clean <runs dir>}: what a dead agent's runs left on its host. */
    public static final String CLEAN = "--clean";
    private static final String USAGE = "usage: HostAgentMain <plan.json> <host> <runs dir> <summary.json> " +
        "[<counters to address:port> <commands from address:port> <secret file>]" +
        " | HostAgentMain --clean <runs dir>";

    private HostAgentMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    static int run(final String[] args)
    {
        if (args.length == 2 && args[0].equals(CLEAN))
        {
            return clean(Path.of(args[1]));
        }
        if (args.length != 4 && args.length != 7)
        {
            System.err.println(USAGE);
            return BAD_SETUP;
        }
        final String host = args[1];
        final Plan plan;
        try
        {
            plan = ClusterFiles.readPlan(Path.of(args[0]));
        }
        catch (final IOException e)
        {
            System.err.println("host agent '" + host + "': cannot read the plan " + args[0] + ": " + e.getMessage());
            return BAD_SETUP;
        }
        if (!plan.placement().hostNames().contains(host))
        {
            System.err.println("host agent '" + host + "': the plan has no host '" + host + "'; its hosts are " +
                plan.placement().hostNames());
            return BAD_SETUP;
        }
        RunSecret secret = null;
        try
        {
            secret = args.length == 7 ? RunSecret.readFrom(Path.of(args[6])) : null;
        }
        catch (final IOException e)
        {
            System.err.println("host agent '" + host + "': " + e.getMessage());
            return BAD_SETUP;
        }
        final PrintWriter console = new PrintWriter(System.out, true);
        final Driver driver = new Driver(new DriverContext()
            .host(host)
            .hostCountersEndpoint(args.length == 7 ? args[4] : null)
            .hostCommandsEndpoint(args.length == 7 ? args[5] : null)
            .runSecret(secret)
            .runsDir(Path.of(args[2]))
            .classPath(System.getProperty("java.class.path"))
            .stopGraceMs(Long.getLong(STOP_GRACE_PROPERTY, DriverContext.DEFAULT_STOP_GRACE_MS))
            .console(console));
        final SignalHandler stop = signal -> driver.requestStop();
        Signal.handle(new Signal("TERM"), stop);
        Signal.handle(new Signal("INT"), stop);
        final RunSummary summary;
        try
        {
            summary = driver.run(plan);
        }
        catch (final RunSetupException e)
        {
            System.err.println("host agent '" + host + "': " + e.getMessage().replace("\n", "\nhost agent '" + host + "': "));
            return FAILED;
        }
        SummaryPrinter.writeJson(summary, Path.of(args[3]));
        console.printf("host agent '%s': %s%s%n", host, summary.status().name().toLowerCase(java.util.Locale.ROOT),
            summary.failure() == null ? "" : ": " + summary.failure());
        return summary.status() == RunStatus.OK ? OK : summary.status() == RunStatus.INTERRUPTED ? STOPPED : FAILED;
    }

    /**
     * After an agent of this host died: removes what its runs under {@code runsDir} left (their
     * /dev/shm directories and device processes), and nothing of any other run.
     */
    private static int clean(final Path runsDir)
    {
        final String under = runsDir.toAbsolutePath().normalize() + java.io.File.separator;
        for (final StaleRuns.StaleRun stale : StaleRuns.find(DriverContext.DEFAULT_SHM_ROOT))
        {
            if (stale.owner().map(owner -> owner.runDir().startsWith(under)).orElse(false))
            {
                StaleRuns.remove(stale);
                System.out.println("removed " + stale.shmDir() + " and " + stale.devices().size() + " device process(es)");
            }
        }
        return OK;
    }
}
