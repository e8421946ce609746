package org.jdpl.framework.cluster;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jdpl.framework.driver.DriverContext;

/** Settings of a {@link ClusterRun}; read-only once concluded. */
public final class ClusterContext
{
    public static final long DEFAULT_STOP_GRACE_MS = 30_000;
    /** Agents' JVMs are small: they supervise, the devices work. */
    public static final List<String> DEFAULT_AGENT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private Path runDir;
    private Path shmRoot = DriverContext.DEFAULT_SHM_ROOT;
    private HostLauncher launcher = HostLauncher.LOCAL;
    private String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private String classPath = System.getProperty("java.class.path");
    private List<String> agentJvmOptions = DEFAULT_AGENT_JVM_OPTIONS;
    private PrintWriter console = new PrintWriter(System.out, true);
    private long stopGraceNs = TimeUnit.MILLISECONDS.toNanos(DEFAULT_STOP_GRACE_MS);

    ClusterContext conclude()
    {
        if (runDir == null)
        {
            throw new IllegalStateException("a cluster run needs a run directory (plan.json and each host's files go there)");
        }
        agentJvmOptions = List.copyOf(agentJvmOptions);
        return this;
    }

    /** Where plan.json and {@code hosts/<host>/} (agent log, runs, summary) go; every host must see it (a shared file system). */
    public ClusterContext runDir(final Path runDir)
    {
        this.runDir = runDir;
        return this;
    }

    public Path runDir()
    {
        return runDir;
    }

    /** Where the launching host's shared-memory directory of the run goes (its counters file, for {@code dpl status}). */
    public ClusterContext shmRoot(final Path shmRoot)
    {
        this.shmRoot = shmRoot;
        return this;
    }

    public Path shmRoot()
    {
        return shmRoot;
    }

    public ClusterContext launcher(final HostLauncher launcher)
    {
        this.launcher = launcher;
        return this;
    }

    public HostLauncher launcher()
    {
        return launcher;
    }

    /** The java command on the hosts (the same path on every node). */
    public ClusterContext javaCommand(final String javaCommand)
    {
        this.javaCommand = javaCommand;
        return this;
    }

    public String javaCommand()
    {
        return javaCommand;
    }

    public ClusterContext classPath(final String classPath)
    {
        this.classPath = classPath;
        return this;
    }

    public String classPath()
    {
        return classPath;
    }

    public ClusterContext agentJvmOptions(final List<String> options)
    {
        this.agentJvmOptions = new ArrayList<>(options);
        return this;
    }

    public List<String> agentJvmOptions()
    {
        return agentJvmOptions;
    }

    public ClusterContext console(final PrintWriter console)
    {
        this.console = console;
        return this;
    }

    public PrintWriter console()
    {
        return console;
    }

    /** How long agents get to stop their devices before they are killed. */
    public ClusterContext stopGraceMs(final long ms)
    {
        this.stopGraceNs = TimeUnit.MILLISECONDS.toNanos(ms);
        return this;
    }

    public long stopGraceNs()
    {
        return stopGraceNs;
    }
}
