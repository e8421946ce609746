package org.jdpl.framework.runner;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.aeron.Aeron;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;
import org.jdpl.framework.channel.DeviceChannels;
import org.jdpl.framework.counters.DeviceState;
import org.jdpl.framework.device.Inputs;
import org.jdpl.framework.device.Options;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.run.CompletionBits;
import org.jdpl.framework.run.DeviceExitCode;
import org.jdpl.framework.run.DeviceReport;
import org.jdpl.framework.run.RunLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop inside a device process: receive, complete timeslices, call the device, send outputs,
 * obey control commands, end the stream, write the report. An {@link Agent}: {@link #start()} runs
 * it on its own thread with the device's idle strategy, {@link #awaitOutcome} waits for the end.
 * It never exits the JVM, so several can run in one process (a process group, or tests);
 * {@link DeviceMain} is the process entry point.
 */
public final class DeviceRunner implements Agent, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRunner.class);
    private static final int CONTROL_FRAGMENT_LIMIT = 4;

    private enum State
    {
        INIT, CONNECTING, RUNNING
    }

    private final DeviceRunnerContext context;
    private final PlannedDevice planned;
    private final String who;
    /** Read once: the plan computes them (a stream over the inputs), and the loop asks every duty cycle. */
    private final boolean isSource;
    private final boolean isSink;
    private final RunnerCounters counters = new RunnerCounters();
    private final MapMetrics metrics = new MapMetrics();
    private final DriverWatch watch;
    private final CountersPublisher published;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final TimesliceHandler processor = this::processTimeslice;
    private State state = State.INIT;
    private Aeron ownAeron;
    private DeviceChannels channels;
    private SendingOutputs outputs;
    private InputSide inputs;
    private SegmentAccess segment;
    private ControlReceiver controlReceiver;
    private CallContext call;
    private SourceThrottle throttle = SourceThrottle.NONE;
    private DeviceCalls calls;
    private SourceLoop source;
    private long connectStartNs;
    private AgentRunner agentRunner;
    private volatile DeviceOutcome outcome;

    public DeviceRunner(final DeviceRunnerContext context) throws DeviceSetupException
    {
        this.context = context.conclude();
        this.planned = context.device();
        this.isSource = planned.isSource();
        this.isSink = planned.isSink();
        this.who = planned.replicas() == 1 ? planned.name() : planned.name() + "[" + context.replica() + "]";
        this.watch = new DriverWatch(context.manifest().driverPid(), context.driverCheckIntervalMs());
        final CountersPublisher publisher = CountersPublisher.attach(counters, context.manifest(), planned, context.replica());
        this.published = planned.usesGpu() ? publisher.withGpuMetrics(metrics) : publisher;
    }

    /** Starts the loop on its own thread. */
    public DeviceRunner start()
    {
        agentRunner = new AgentRunner(context.idleStrategy(), this::onAgentError, null, this);
        AgentRunner.startOnThread(agentRunner);
        return this;
    }

    /** Waits until the device ended and its resources are closed; null on timeout. */
    public DeviceOutcome awaitOutcome(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return closed.await(timeout, unit) ? outcome : null;
    }

    /** How it ended, or null while running. */
    public DeviceOutcome outcome()
    {
        return outcome;
    }

    /** Stops the loop if still running (the report then says it was closed early) and waits for it. */
    @Override
    public void close()
    {
        watch.requestClose();
        if (agentRunner != null)
        {
            agentRunner.close();
        }
        else
        {
            published.close();
        }
    }

    @Override
    public String roleName()
    {
        return "device-" + who;
    }

    @Override
    public int doWork()
    {
        try
        {
            int work = channels == null ? 0 : channels.control().poll(controlReceiver, CONTROL_FRAGMENT_LIMIT);
            watch.check();
            switch (state)
            {
                case INIT ->
                {
                    initialise();
                    work++;
                }
                case CONNECTING -> work += awaitConnections();
                case RUNNING -> work += isSource ? produce() : consume();
            }
            if (outcome == null)
            {
                published.onDutyCycle(work);
                return work;
            }
        }
        catch (final RuntimeException | DeviceSetupException e)
        {
            end(RunnerStops.exitCodeOf(e), RunnerStops.logged(who, e));
        }
        throw new AgentTerminationException();
    }

    @Override
    public void onClose()
    {
        try
        {
            if (outcome == null)
            {
                LOG.info("{}: closed before end of stream", who);
                end(DeviceExitCode.STOPPED, null);
            }
            // The device first: its close is the last call it gets, before the runner's channels go.
            CloseHelper.closeAll(calls, outputs, inputs, source, segment, channels, ownAeron, published);
        }
        finally
        {
            closed.countDown();
        }
    }

    private void initialise() throws DeviceSetupException
    {
        published.state(DeviceState.INITIALIZING);
        // A test may hand in its own client; a device process connects one, which it then owns and closes.
        ownAeron = context.aeron() == null ? watch.connect(context.manifest().aeronDir(), roleName()) : null;
        final Aeron aeron = ownAeron != null ? ownAeron : context.aeron();
        watch.watch(aeron);
        channels = new DeviceChannels(aeron, planned, context.replica(), context.manifest().plan().controlStreamId(),
            context.manifest().plan(), context.groupRings());
        final Options options = PlanOptions.of(planned, () -> context.type().defaults());
        final String runDir = context.manifest().runDir();
        call = new CallContext(planned, context.replica(), options, metrics, runDir == null ? null : Path.of(runDir));
        controlReceiver = new ControlReceiver(who, call, published, isSource);
        try
        {
            segment = SegmentPlumbing.open(context, watch);
            outputs = SendingOutputs.wire(context.manifest(), context.replica(), planned, channels,
                new Offerer(who, counters, context.idleStrategy(), watch,
                    AbandonedConsumers.of(context.manifest().plan(), published.file())), counters, segment);
            if (!isSource)
            {
                inputs = new InputSide(who, planned, context.replica(), counters, segment)
                    .durable(context.manifest().plan(), Path.of(context.manifest().runDir()), planned.name(), context.replica())
                    .ring(context.groupRings() == null ? null : context.groupRings().ringOf(planned))
                    .direct(planned, context.directDelivery(), segment, processor);
            }
        }
        catch (final RuntimeException e)
        {
            throw new DeviceSetupException("device '" + planned.name() + "' (" + planned.origin() +
                "): cannot open its payload segment or durable channels: " + e.getMessage(), e);
        }
        call.outputs(outputs);
        if (isSink && context.manifest().shmDir() != null)
        {
            counters.ledger.keepIn(CompletionBits.open(RunLayout.completions(Path.of(context.manifest().shmDir()), planned.name(), context.replica())));
        }
        throttle = isSource ? SourceThrottle.of(context.manifest().plan(), planned.name(), published.file(), counters, who) : throttle;
        calls = new DeviceCalls(who, planned, call, counters, outputs);
        calls.init(context.factory());
        source = isSource ? new SourceLoop(planned, call, calls, outputs, throttle, published, counters) : null;
        state = State.CONNECTING;
        published.state(DeviceState.READY);
        connectStartNs = System.nanoTime();
    }

    private int awaitConnections()
    {
        if (!outputs.allConnected())
        {
            return 0;
        }
        counters.connectWaitNanos = System.nanoTime() - connectStartNs;
        LOG.info("{}: running ({} input(s), {} output stream(s) connected after {} ms)", who, planned.inputs().size(),
            outputs.streamCount(), TimeUnit.NANOSECONDS.toMillis(counters.connectWaitNanos));
        state = State.RUNNING;
        published.state(DeviceState.RUNNING);
        if (source != null)
        {
            source.start(System.nanoTime()); // a timer's clock starts when the outputs are connected
        }
        return 1;
    }

    private int produce()
    {
        final int work = source.doWork();
        if (source.endCode() != SourceLoop.RUNNING)
        {
            finish(source.endCode());
        }
        return work;
    }

    private int consume()
    {
        int work = inputs.poll(channels.data(), channels.remoteData());
        work += inputs.deliver(processor);
        if (inputs.upstreamEnded())
        {
            finish(DeviceExitCode.OK);
            work++;
        }
        return work;
    }

    private void processTimeslice(final long timeslice, final Inputs inputs)
    {
        if (calls.process(timeslice, inputs))
        {
            counters.timeslicesIn++;
            if (isSink)
            {
                counters.ledger.completed(timeslice);
            }
            outputs.sendMade(timeslice);
        }
        published.onTimesliceHandled(counters.lastProcessEndNs);
    }

    /** Every upstream producer ended (or a source is done): drop the incomplete, last call, end the stream. */
    private void finish(final int exitCode)
    {
        published.state(DeviceState.ENDING);
        if (inputs != null)
        {
            inputs.deliverRemaining(processor);
            counters.timeslicesDropped += inputs.dropIncomplete();
        }
        final long timeslice = isSource ? source.nextTimeslice() : inputs.nextTimeslice();
        calls.endOfStream(timeslice);
        outputs.sendMade(timeslice);
        outputs.sendEndOfStream(counters.timeslicesOut);
        LOG.info("{}: ended: {} timeslice(s) in, {} out, {} dropped, {} error(s), back-pressure {} ms", who,
            counters.timeslicesIn, counters.timeslicesOut, counters.timeslicesDropped, counters.errors,
            TimeUnit.NANOSECONDS.toMillis(counters.backPressureNanos));
        end(exitCode, null);
    }

    private void end(final int exitCode, final String failure)
    {
        RunnerReport.addFigures(metrics, counters, segment, inputs, outputs, channels, throttle);
        final boolean clean = exitCode == DeviceExitCode.OK || exitCode == DeviceExitCode.STOPPED;
        final DeviceReport report = RunnerReport.build(planned, context.replica(), exitCode, failure, counters, metrics);
        RunnerReport.write(who, context.reportFile(), report);
        published.flush();
        published.state(clean ? DeviceState.STOPPED : DeviceState.FAILED);
        outcome = new DeviceOutcome(exitCode, report);
    }

    private void onAgentError(final Throwable error)
    {
        if (error instanceof AgentTerminationException)
        {
            return; // how doWork says it is done, not an error
        }
        LOG.error("{}: error in the device runner", who, error);
    }
}
