package org.jdpl.framework.device;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;

/**
 * What a {@link ProcessFunction} sees of one timeslice: its inputs and outputs by declared port,
 * metrics and control. One object per device instance, reused for every call: keep nothing from it
 * (a payload is valid only during the call that received it).
 */
public final class Timeslice
{
    private final String device;
    private final int[] inputPositions;
    private final int[] outputPositions;
    private final InputPort[] inputPorts;
    private final OutputPort[] outputPorts;
    private final Metrics metrics;
    private final DeviceInfo info;
    private long id;
    private Inputs inputs;
    private Outputs outputs;
    private Control control;

    Timeslice(final DeviceInfo info, final Metrics metrics, final InputPort[] inputPorts, final OutputPort[] outputPorts)
    {
        this.device = info.name();
        this.info = info;
        this.metrics = metrics;
        this.inputPorts = inputPorts;
        this.outputPorts = outputPorts;
        this.inputPositions = new int[inputPorts.length];
        for (int i = 0; i < inputPorts.length; i++)
        {
            inputPositions[i] = info.inputPosition(inputPorts[i].label());
        }
        this.outputPositions = new int[outputPorts.length];
        for (int i = 0; i < outputPorts.length; i++)
        {
            outputPositions[i] = info.outputPosition(outputPorts[i].label());
        }
    }

    void prepare(final long id, final Inputs inputs, final Outputs outputs, final Control control)
    {
        this.id = id;
        this.inputs = inputs;
        this.outputs = outputs;
        this.control = control;
    }

    /** The timeslice id: what a source produces, or what the inputs belong to. */
    public long id()
    {
        return id;
    }

    /** The message on {@code port}; fails when it has none in this timeslice (check {@link #has} for optional inputs). */
    public Input input(final InputPort port)
    {
        return inputs().get(inputPosition(port));
    }

    /** Whether {@code port} has a message in this timeslice. */
    public boolean has(final InputPort port)
    {
        return inputs().isPresent(inputPosition(port));
    }

    /** A writable region of exactly {@code sizeBytes} on {@code port}, sent when the call returns; see {@link Outputs#make}. */
    public MemorySegment make(final OutputPort port, final long sizeBytes)
    {
        return outputs.make(outputPosition(port), sizeBytes);
    }

    /** Sends {@code input}'s payload on {@code port}, unchanged (no copy where the transport allows). */
    public void forward(final OutputPort port, final Input input)
    {
        outputs.forward(outputPosition(port), input);
    }

    /** Sends a copy of {@code data} on {@code port}. */
    public void snapshot(final OutputPort port, final MemorySegment data)
    {
        MemorySegment.copy(data, 0, make(port, data.byteSize()), 0, data.byteSize());
    }

    public Metrics metrics()
    {
        return metrics;
    }

    public DeviceInfo info()
    {
        return info;
    }

    /** A source that is done: end the stream after this call. */
    public void endOfStream()
    {
        control().endOfStream();
    }

    /** Whether the run has been asked to stop (a source should end its stream soon). */
    public boolean stopRequested()
    {
        return control().stopRequested();
    }

    private Inputs inputs()
    {
        if (inputs == null)
        {
            throw new IllegalStateException("device '" + device + "': no inputs at end of stream");
        }
        return inputs;
    }

    private Control control()
    {
        if (control == null)
        {
            throw new IllegalStateException("device '" + device + "': the stream has already ended");
        }
        return control;
    }

    private int inputPosition(final InputPort port)
    {
        final int position = inputPositions[port.index()];
        if (position < 0 || inputPorts[port.index()] != port)
        {
            throw unknown("input", port.label(), info.inputSpecs().stream().map(InputSpec::label).toList());
        }
        return position;
    }

    private int outputPosition(final OutputPort port)
    {
        final int position = outputPositions[port.index()];
        if (position < 0 || outputPorts[port.index()] != port)
        {
            throw unknown("output", port.label(), info.outputSpecs().stream().map(OutputSpec::label).toList());
        }
        return position;
    }

    private IllegalArgumentException unknown(final String what, final String label, final List<String> labels)
    {
        return new IllegalArgumentException("device '" + device + "' has no " + what + " labelled '" + label + "'; its " + what +
            "s are " + labels + " (a topology may rename specs, never labels; or a port of another device type was used)");
    }
}
