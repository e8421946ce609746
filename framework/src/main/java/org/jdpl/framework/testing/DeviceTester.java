package org.jdpl.framework.testing;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValueFactory;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.DeviceFactory;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.runner.InProcessDevice;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;
import org.jdpl.framework.topology.OptionCheck;
import org.jdpl.framework.topology.Problem;

/**
 * Calls one device in this thread with the timeslices a test gives it, and hands back what each
 * call sent: the device sees the contexts, options and metrics of a real run, without processes or
 * transport.
 *
 * <pre>{@code
 * try (DeviceTester fwd = DeviceTester.of(new Forwarder()).option("fail-every", 2))
 * {
 *     assertArrayEquals(bytes, fwd.input("in", bytes).process(0).only("out").payload());
 *     assertThrows(IllegalStateException.class, () -> fwd.input("in", bytes).process(1));
 *     assertTrue(fwd.endOfStream().isEmpty());
 * }
 * }</pre>
 *
 * The device is initialised on the first call (or {@link #init()}) and closed by {@link #close()}.
 * Options are checked as {@code dpl validate} checks a topology's: names, value types, ranges.
 */
public final class DeviceTester implements AutoCloseable
{
    private final DeviceType type;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private String name;
    private int replica;
    private int replicas = 1;
    private Path runDirectory;
    private long segmentSizeBytes;
    private SegmentPayloads segment;
    private TestInputs inputs;
    private TestOutputs outputs;
    private InProcessDevice device;
    private long nextTimeslice;
    private boolean initFailed;

    private DeviceTester(final DeviceType type)
    {
        this.type = type;
        this.name = type.name();
    }

    /** A tester of {@code factory}'s devices, with the option defaults it declares and those of the class path's reference.conf. */
    public static DeviceTester of(final DeviceFactory factory)
    {
        return new DeviceTester(DeviceType.of(factory, ConfigFactory.defaultReference(factory.getClass().getClassLoader())));
    }

    /** The device's name in the pretend topology (default: its type). */
    public DeviceTester name(final String name)
    {
        requireNotStarted();
        this.name = name;
        return this;
    }

    /** Sets an option as a topology would ({@code 16}, {@code "16M"}, {@code true}, a list of strings); checked at init, as dpl validate does. */
    public DeviceTester option(final String option, final Object value)
    {
        requireNotStarted();
        options.put(option, value);
        return this;
    }

    /** Which replica of how many this device is (default 0 of 1). */
    public DeviceTester replica(final int replica, final int replicas)
    {
        requireNotStarted();
        this.replica = replica;
        this.replicas = replicas;
        return this;
    }

    /** What {@code info().runDirectory()} says (default: none). */
    public DeviceTester runDirectory(final Path runDirectory)
    {
        requireNotStarted();
        this.runDirectory = runDirectory;
        return this;
    }

    /**
     * Carries every payload of the calls through a real payload segment of {@code sizeBytes} in
     * /dev/shm, as payloads above {@code shm.inline-max} travel in a run, instead of heap memory: the
     * device reads its inputs in place in the mapped file and makes its outputs in blocks it
     * allocates there, and every block is freed when the call ends, so the next call reuses its pages
     * (a device that keeps a payload past its call then reads another call's bytes, as in a run). The
     * segment is removed by {@link #close()}; it must hold the largest call's inputs and outputs.
     */
    public DeviceTester payloadSegment(final long sizeBytes)
    {
        requireNotStarted();
        if (sizeBytes <= 0)
        {
            throw new IllegalArgumentException("a payload segment of " + sizeBytes + " bytes: give a positive size, e.g. 64 << 20");
        }
        this.segmentSizeBytes = sizeBytes;
        return this;
    }

    /**
     * Creates and initialises the device; an IllegalArgumentException naming every bad option (as
     * dpl validate would), or the device's own exception when its init throws.
     */
    public DeviceTester init() throws Exception
    {
        requireNotStarted();
        final List<Problem> problems = OptionCheck.problems(name, type, options, "DeviceTester");
        if (!problems.isEmpty())
        {
            throw new IllegalArgumentException(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        }
        final List<InputSpec> in = type.factory().inputs().stream().map(InputSpec::parse).toList();
        final List<OutputSpec> out = type.factory().outputs().stream().map(OutputSpec::parse).toList();
        final String text = ConfigValueFactory.fromMap(options).render(ConfigRenderOptions.concise());
        final PlannedDevice planned = new PlannedDevice(name, type.name(), replicas, Completion.ALL, text, in, out, 0,
            in.isEmpty() ? 0 : 1, List.of(), "backoff", FailurePolicy.DEFAULT, "DeviceTester");
        segment = segmentSizeBytes > 0 ? SegmentPayloads.create(segmentSizeBytes) : null;
        inputs = new TestInputs(in);
        outputs = new TestOutputs(out, segment);
        device = new InProcessDevice(type, planned, replica, runDirectory, outputs);
        initFailed = true;
        device.init();
        initFailed = false;
        return this;
    }

    /** Stages a message on input {@code label} for the next {@link #process} call. */
    public DeviceTester input(final String label, final byte[] payload) throws Exception
    {
        return input(label, MemorySegment.ofArray(payload));
    }

    /** Stages a message on input {@code label} for the next {@link #process} call; the spec is the input's, subspec 0 where any is taken. */
    public DeviceTester input(final String label, final MemorySegment payload) throws Exception
    {
        started();
        inputs.stage(label, null, segment == null ? payload : segment.input(payload));
        return this;
    }

    /** Calls process for timeslice {@code timeslice} with the staged inputs; what it sent, or the device's exception. */
    public Sent process(final long timeslice) throws Exception
    {
        started();
        if (!inputs.seal(timeslice))
        {
            throw new IllegalStateException("no input staged for timeslice " + timeslice + " (a source is called with produce())");
        }
        try
        {
            device.process(timeslice, inputs);
            nextTimeslice = Math.max(nextTimeslice, timeslice + 1);
            return outputs.collect(timeslice);
        }
        finally
        {
            inputs.clear();
            outputs.discard();
        }
    }

    /**
     * Calls a source once for its next timeslice (0, 1, ... moving on with each call that sent
     * something, as in a run); what it sent (nothing: not yet time), or the device's exception.
     */
    public Sent produce() throws Exception
    {
        started();
        final long timeslice = nextTimeslice;
        try
        {
            device.process(timeslice, null);
            final Sent sent = outputs.collect(timeslice);
            nextTimeslice += sent.isEmpty() ? 0 : 1;
            return sent;
        }
        finally
        {
            outputs.discard();
        }
    }

    /** Whether the source asked to end its stream. */
    public boolean endOfStreamRequested() throws Exception
    {
        started();
        return device.endOfStreamRequested();
    }

    /** As the Driver's stop command: {@code stopRequested()} is true from now on. */
    public void requestStop() throws Exception
    {
        started();
        device.requestStop();
    }

    /** Calls endOfStream (as timeslice one past the last); what it sent, or the device's exception. */
    public Sent endOfStream() throws Exception
    {
        started();
        try
        {
            device.endOfStream(nextTimeslice);
            return outputs.collect(nextTimeslice);
        }
        finally
        {
            outputs.discard();
        }
    }

    /** A metric's value (0 when never set). */
    public double metric(final String metric)
    {
        return device == null ? 0 : device.metric(metric);
    }

    /** Every metric set so far. */
    public Map<String, Double> metrics()
    {
        return device == null ? Map.of() : device.metrics();
    }

    /** Closes the device (once), as a run does on every way out; then removes the payload segment, if any. */
    @Override
    public void close() throws Exception
    {
        try
        {
            if (device != null)
            {
                device.close();
            }
        }
        finally
        {
            if (segment != null)
            {
                segment.close();
                segment = null;
            }
        }
    }

    private void started() throws Exception
    {
        if (device == null)
        {
            init();
        }
        if (initFailed)
        {
            throw new IllegalStateException("the device's init failed: it gets no further calls, only close()");
        }
    }

    private void requireNotStarted()
    {
        if (device != null)
        {
            throw new IllegalStateException("the device is already initialised: set up the tester before the first call");
        }
    }
}
