package org.jdpl.framework.runner;

import java.nio.file.Path;

import io.aeron.Aeron;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.catalog.DeviceFactories;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.RunLayout;
import org.jdpl.framework.run.RunManifest;

/**
 * The settings of one {@link DeviceRunner}: which device replica of which run, and how it runs.
 * Set, then {@link #conclude()} once (the runner does it), then read-only.
 */
public final class DeviceRunnerContext
{
    public static final String IDLE_BACKOFF = "backoff";
    public static final String IDLE_BUSY_SPIN = "busy-spin";
    public static final long DEFAULT_DRIVER_CHECK_INTERVAL_MS = 250;

    private RunManifest manifest;
    private String deviceName;
    private int replica = -1;
    private DeviceCatalog catalog;
    private Aeron aeron;
    private IdleStrategy idleStrategy;
    private long driverCheckIntervalMs = DEFAULT_DRIVER_CHECK_INTERVAL_MS;
    private Path reportFile;
    private GroupRings groupRings;
    private PlannedDevice device;
    private DeviceFactory factory;
    private DeviceType type;
    private boolean concluded;
    private boolean directDelivery = true;

    /** The run, as read from run.json; required. */
    public DeviceRunnerContext manifest(final RunManifest manifest)
    {
        this.manifest = manifest;
        return this;
    }

    public RunManifest manifest()
    {
        return manifest;
    }

    /** Which device of the plan; required. */
    public DeviceRunnerContext deviceName(final String deviceName)
    {
        this.deviceName = deviceName;
        return this;
    }

    public String deviceName()
    {
        return deviceName;
    }

    /** Which replica, 0 .. replicas-1; required. */
    public DeviceRunnerContext replica(final int replica)
    {
        this.replica = replica;
        return this;
    }

    public int replica()
    {
        return replica;
    }

    /**
     * Where device types come from; default: the one factory of the device's type, found with
     * {@link DeviceFactories#find} (no option defaults, no reference.conf read: the plan's options
     * have them already).
     */
    public DeviceRunnerContext catalog(final DeviceCatalog catalog)
    {
        this.catalog = catalog;
        return this;
    }

    /**
     * An Aeron client to share (not closed by the runner); default: the runner connects its own to
     * the manifest's aeronDir and closes it when done.
     */
    public DeviceRunnerContext aeron(final Aeron aeron)
    {
        this.aeron = aeron;
        return this;
    }

    public Aeron aeron()
    {
        return aeron;
    }

    /**
     * Whether a device whose one input completes alone takes the fast path ({@code DirectDelivery});
     * default true. False runs it on the general path, as a device of several inputs: for tests that
     * compare the two, and to rule the fast path out when chasing a problem.
     */
    public DeviceRunnerContext directDelivery(final boolean directDelivery)
    {
        this.directDelivery = directDelivery;
        return this;
    }

    public boolean directDelivery()
    {
        return directDelivery;
    }

    /** Overrides the idle strategy the plan names for the device. */
    public DeviceRunnerContext idleStrategy(final IdleStrategy idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /** How often to check that the Driver process is alive. */
    public DeviceRunnerContext driverCheckIntervalMs(final long intervalMs)
    {
        this.driverCheckIntervalMs = intervalMs;
        return this;
    }

    public long driverCheckIntervalMs()
    {
        return driverCheckIntervalMs;
    }

    /** Where the report goes; default {@link RunLayout#report} in the manifest's runDir. */
    public DeviceRunnerContext reportFile(final Path reportFile)
    {
        this.reportFile = reportFile;
        return this;
    }

    public Path reportFile()
    {
        return reportFile;
    }

    /** The in-process rings of the process group this replica runs in; none (null) for a process of its own. */
    public DeviceRunnerContext groupRings(final GroupRings groupRings)
    {
        this.groupRings = groupRings;
        return this;
    }

    public GroupRings groupRings()
    {
        return groupRings;
    }

    /** The device's part of the plan (after {@link #conclude()}). */
    public PlannedDevice device()
    {
        return device;
    }

    /** The factory of the device's type (after {@link #conclude()}). */
    public DeviceFactory factory()
    {
        return factory;
    }

    /**
     * The device's type with its option defaults (after {@link #conclude()}); loads the catalog
     * (reference.conf, Typesafe Config) on first use unless one was given: only for options the plan
     * does not carry, as in a hand-made plan.
     */
    public DeviceType type()
    {
        if (type == null)
        {
            if (catalog == null)
            {
                catalog = DeviceCatalog.load();
            }
            type = catalog.find(device.type());
        }
        return type;
    }

    /** Checks and completes the settings; the message says what is wrong and what to do. */
    public DeviceRunnerContext conclude() throws DeviceSetupException
    {
        if (concluded)
        {
            return this;
        }
        if (manifest == null || manifest.plan() == null || deviceName == null)
        {
            throw new DeviceSetupException("a device runner needs a run manifest with a plan, and a device name");
        }
        device = findDevice();
        if (replica < 0 || replica >= device.replicas())
        {
            throw new DeviceSetupException("device '" + deviceName + "' has " + device.replicas() + " replica(s), 0.." +
                (device.replicas() - 1) + "; replica " + replica + " does not exist");
        }
        type = catalog == null ? null : catalog.find(device.type());
        factory = catalog == null ? DeviceFactories.find(device.type(), Thread.currentThread().getContextClassLoader())
            : type == null ? null : type.factory();
        if (factory == null)
        {
            throw new DeviceSetupException("device '" + deviceName + "' (" + device.origin() + ") uses type '" + device.type() +
                "', which is not on the class path; known types: " + (catalog != null ? catalog.names()
                : DeviceFactories.names(Thread.currentThread().getContextClassLoader())));
        }
        if (idleStrategy == null)
        {
            idleStrategy = idleStrategyNamed(device.idleStrategy());
        }
        if (reportFile == null)
        {
            reportFile = RunLayout.report(Path.of(manifest.runDir()), deviceName, replica);
        }
        concluded = true;
        return this;
    }

    private PlannedDevice findDevice() throws DeviceSetupException
    {
        for (final PlannedDevice candidate : manifest.plan().devices())
        {
            if (candidate.name().equals(deviceName))
            {
                return candidate;
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final PlannedDevice candidate : manifest.plan().devices())
        {
            names.append(names.isEmpty() ? "" : ", ").append(candidate.name());
        }
        throw new DeviceSetupException("run " + manifest.runId() + " has no device '" + deviceName + "'; its devices are " + names);
    }

    private IdleStrategy idleStrategyNamed(final String name) throws DeviceSetupException
    {
        if (name == null || name.isBlank() || IDLE_BACKOFF.equals(name))
        {
            return new BackoffIdleStrategy();
        }
        if (IDLE_BUSY_SPIN.equals(name))
        {
            return new BusySpinIdleStrategy();
        }
        throw new DeviceSetupException("device '" + deviceName + "' (" + device.origin() + "): unknown idle strategy '" + name +
            "'; use " + IDLE_BACKOFF + " or " + IDLE_BUSY_SPIN);
    }
}
