package org.jdpl.framework.driver;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.jdpl.framework.hostcounters.RunSecret;

/**
 * Settings of one Driver, gathered in one place with their defaults, then read-only once
 * {@link #conclude()} has checked them.
 */
public final class DriverContext
{
    /** Root of shared-memory run directories. */
    public static final Path DEFAULT_SHM_ROOT = Path.of("/dev/shm");
    /** How long sources get to end their stream after a stop request before SIGTERM. */
    public static final long DEFAULT_STOP_GRACE_MS = 20_000;
    /** How long after SIGTERM a process gets before SIGKILL. */
    public static final long DEFAULT_KILL_GRACE_MS = 5_000;
    /**
     * JVM options for device processes: many small JVMs on few cores. The heap starts at 16 MiB and grows
     * as a device needs (the JVM's default start, 1/64 of the machine's memory, let an idle forwarder's
     * young generation spread over 25 MiB more resident memory before its first collection).
     */
    public static final List<String> DEFAULT_DEVICE_JVM_OPTIONS = List.of(
        "-XX:+UseSerialGC", "-Xss512k", "-XX:TieredStopAtLevel=4", "-Xms16m", "-Xmx1g", "-XX:+ExitOnOutOfMemoryError");

    private Path shmRoot = DEFAULT_SHM_ROOT;
    private Path runsDir = defaultRunsDir();
    private PrintWriter console = new PrintWriter(System.out, true);
    private long stopGraceNs = TimeUnit.MILLISECONDS.toNanos(DEFAULT_STOP_GRACE_MS);
    private long killGraceNs = TimeUnit.MILLISECONDS.toNanos(DEFAULT_KILL_GRACE_MS);
    private String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private String classPath = System.getProperty("java.class.path");
    /** More options for every device JVM, space-separated, for diagnosis ({@code JDPL_DEVICE_JVM_OPTIONS=-Xlog:gc ./dpl run ...}). */
    public static final String EXTRA_DEVICE_JVM_OPTIONS_VARIABLE = "JDPL_DEVICE_JVM_OPTIONS";

    private List<String> deviceJvmOptions = defaultDeviceJvmOptions();
    private ProgressMode progress = ProgressMode.OFF;
    private UnaryOperator<String> keyLocations = key -> "";
    private RunSecret runSecret;
    private long samplePeriodMs = org.jdpl.framework.run.TimeSeriesFormat.DEFAULT_PERIOD_MS;
    private boolean concluded;

    private static List<String> defaultDeviceJvmOptions()
    {
        final List<String> options = new ArrayList<>(DEFAULT_DEVICE_JVM_OPTIONS);
        final String extra = System.getenv().getOrDefault(EXTRA_DEVICE_JVM_OPTIONS_VARIABLE, "").strip();
        if (!extra.isEmpty())
        {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    /** {@code $JDPL_RUNS_DIR}, else {@code runs} in the working directory. */
    public static Path defaultRunsDir()
    {
        final String env = System.getenv("JDPL_RUNS_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("runs");
    }

    private String host = "";
    private String hostCountersEndpoint;
    private String hostCommandsEndpoint;

    public DriverContext conclude()
    {
        if (classPath == null || classPath.isBlank())
        {
            throw new IllegalStateException("no class path to start device processes with");
        }
        if ((hostCountersEndpoint != null || hostCommandsEndpoint != null) && runSecret == null)
        {
            throw new IllegalStateException("a host agent talks to the launching host only with the run's secret");
        }
        if (samplePeriodMs < 10)
        {
            throw new IllegalStateException("the time series' sample period must be at least 10 ms, not " + samplePeriodMs);
        }
        concluded = true;
        return this;
    }

    private void checkMutable()
    {
        if (concluded)
        {
            throw new IllegalStateException("DriverContext is read-only once concluded");
        }
    }

    public Path shmRoot()
    {
        return shmRoot;
    }

    public DriverContext shmRoot(final Path shmRoot)
    {
        checkMutable();
        this.shmRoot = shmRoot;
        return this;
    }

    public Path runsDir()
    {
        return runsDir;
    }

    public DriverContext runsDir(final Path runsDir)
    {
        checkMutable();
        this.runsDir = runsDir;
        return this;
    }

    public PrintWriter console()
    {
        return console;
    }

    public DriverContext console(final PrintWriter console)
    {
        checkMutable();
        this.console = console;
        return this;
    }

    public long stopGraceNs()
    {
        return stopGraceNs;
    }

    public DriverContext stopGraceMs(final long ms)
    {
        checkMutable();
        this.stopGraceNs = TimeUnit.MILLISECONDS.toNanos(ms);
        return this;
    }

    public long killGraceNs()
    {
        return killGraceNs;
    }

    public DriverContext killGraceMs(final long ms)
    {
        checkMutable();
        this.killGraceNs = TimeUnit.MILLISECONDS.toNanos(ms);
        return this;
    }

    public String javaCommand()
    {
        return javaCommand;
    }

    public DriverContext javaCommand(final String javaCommand)
    {
        checkMutable();
        this.javaCommand = javaCommand;
        return this;
    }

    public String classPath()
    {
        return classPath;
    }

    public DriverContext classPath(final String classPath)
    {
        checkMutable();
        this.classPath = classPath;
        return this;
    }

    /** How progress is shown on the console while the run goes on; default OFF. */
    public ProgressMode progress()
    {
        return progress;
    }

    public DriverContext progress(final ProgressMode progress)
    {
        checkMutable();
        this.progress = progress;
        return this;
    }

    public List<String> deviceJvmOptions()
    {
        return List.copyOf(deviceJvmOptions);
    }

    public DriverContext deviceJvmOptions(final List<String> options)
    {
        checkMutable();
        this.deviceJvmOptions = new ArrayList<>(options);
        return this;
    }

    /** The host this Driver runs as (a host agent): it starts only the replicas placed there; "" for all. */
    public String host()
    {
        return host;
    }

    public DriverContext host(final String host)
    {
        checkMutable();
        this.host = host == null ? "" : host;
        return this;
    }

    /** Where a host agent sends its replicas' counters ({@code address:port} of the launching host), or null: nowhere. */
    public String hostCountersEndpoint()
    {
        return hostCountersEndpoint;
    }

    public DriverContext hostCountersEndpoint(final String endpoint)
    {
        checkMutable();
        this.hostCountersEndpoint = endpoint;
        return this;
    }

    /** Where a host agent takes the launching host's commands from ({@code address:port}), or null: nowhere. */
    public String hostCommandsEndpoint()
    {
        return hostCommandsEndpoint;
    }

    public DriverContext hostCommandsEndpoint(final String endpoint)
    {
        checkMutable();
        this.hostCommandsEndpoint = endpoint;
        return this;
    }

    /** Where a topology key ({@code devices.fwd.pipeline}) is written, {@code file.conf:LINE}, for messages; "" when unknown. */
    public UnaryOperator<String> keyLocations()
    {
        return keyLocations;
    }

    public DriverContext keyLocations(final UnaryOperator<String> keyLocations)
    {
        checkMutable();
        this.keyLocations = keyLocations;
        return this;
    }

    /** The key of a run across hosts that tags this host agent's counters and the commands it takes; null elsewhere. */
    public RunSecret runSecret()
    {
        return runSecret;
    }

    public DriverContext runSecret(final RunSecret runSecret)
    {
        checkMutable();
        this.runSecret = runSecret;
        return this;
    }

    /** A concluded copy that prints nothing and shows no progress (a warm-up run's). */
    DriverContext quietCopy()
    {
        final DriverContext copy = new DriverContext();
        copy.shmRoot = shmRoot;
        copy.runsDir = runsDir;
        copy.console = new PrintWriter(java.io.Writer.nullWriter());
        copy.stopGraceNs = stopGraceNs;
        copy.killGraceNs = killGraceNs;
        copy.javaCommand = javaCommand;
        copy.classPath = classPath;
        copy.deviceJvmOptions = new ArrayList<>(deviceJvmOptions);
        copy.progress = ProgressMode.OFF;
        copy.host = host;
        copy.keyLocations = keyLocations;
        copy.runSecret = runSecret;
        copy.samplePeriodMs = samplePeriodMs;
        return copy.conclude();
    }

    /** How often the Driver samples the counters into the run's time series ({@link TimeSeriesSampler}). */
    public long samplePeriodMs()
    {
        return samplePeriodMs;
    }

    public DriverContext samplePeriodMs(final long ms)
    {
        checkMutable();
        samplePeriodMs = ms;
        return this;
    }
}
