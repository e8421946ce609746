package org.jdpl.framework.device;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;

/**
 * A device type declared in one place, in the style of DPL's {@code DataProcessorSpec}: type name,
 * help, inputs, outputs and options (with type, default, range and help) are fields, and
 * {@link #init} reads the options and returns the function called once per timeslice. Register the
 * subclass as a {@link DeviceFactory} service; no reference.conf entry is needed.
 *
 * <pre>{@code
 * public final class Scale extends DeviceSpec
 * {
 *     private final InputPort in = input("in", "TST/NUMBERS");
 *     private final OutputPort out = output("out", "TST/SCALED/0");
 *     private final Option<Double> factor = doubleOption("factor", 2.0, -1e6, 1e6, "what each number is multiplied by");
 *
 *     public Scale()
 *     {
 *         super("scale", "multiplies each double of 'in' by 'factor'");
 *     }
 *
 *     protected ProcessFunction init(final Setup setup)
 *     {
 *         final double f = setup.get(factor);
 *         return ts -> { ... ts.input(in).payload() ... ts.make(out, bytes) ... };
 *     }
 * }
 * }</pre>
 *
 * A declaration mistake (a bad spec, a label or option declared twice) fails when the catalog loads.
 * Keep state that lives across timeslices in the function (or what it closes over): each device
 * instance gets its own {@link #init} call, while this object is shared by every instance in a JVM.
 */
public abstract class DeviceSpec implements DeviceFactory
{
    private final String type;
    private final String help;
    private final List<InputPort> inputs = new ArrayList<>();
    private final List<OutputPort> outputs = new ArrayList<>();
    private final List<OptionSpec> options = new ArrayList<>();

    protected DeviceSpec(final String type, final String help)
    {
        this.type = type;
        this.help = help;
    }

    /**
     * Reads the options, takes what the device keeps, and returns the per-timeslice function.
     * Resources to free at the end go to {@link Setup#onClose}, last outputs to {@link Setup#onEndOfStream}.
     */
    protected abstract ProcessFunction init(Setup setup) throws Exception;

    /** An input: its label, and the data spec it takes by default ({@code TRK/HITS}, {@code TRK/HITS/0?lifetime=condition}). */
    protected final InputPort input(final String label, final String spec)
    {
        final String declared = label + ":" + spec;
        InputSpec.parse(declared);
        requireNew(label, inputs.stream().map(InputPort::label).toList(), "input");
        final InputPort port = new InputPort(label, declared, inputs.size());
        inputs.add(port);
        return port;
    }

    /** An output: its label, and the concrete data spec it sends by default ({@code TRK/TRACKS/0}). */
    protected final OutputPort output(final String label, final String spec)
    {
        final String declared = label + ":" + spec;
        OutputSpec.parse(declared);
        requireNew(label, outputs.stream().map(OutputPort::label).toList(), "output");
        final OutputPort port = new OutputPort(label, declared, outputs.size());
        outputs.add(port);
        return port;
    }

    protected final Option<Integer> intOption(final String name, final int value, final int min, final int max, final String help)
    {
        return option(OptionSpec.ranged(name, OptionType.INT, min, max, help), value, Options::getInt);
    }

    protected final Option<Long> longOption(final String name, final long value, final long min, final long max, final String help)
    {
        return option(OptionSpec.ranged(name, OptionType.LONG, min, max, help), value, Options::getLong);
    }

    protected final Option<Double> doubleOption(final String name, final double value, final double min, final double max, final String help)
    {
        // a whole default stays a whole number, so that dpl devices shows 0, not 0.0
        final Object declared = value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object)(long)value : (Object)value;
        return option(OptionSpec.ranged(name, OptionType.DOUBLE, min, max, help), declared, Options::getDouble);
    }

    protected final Option<Boolean> booleanOption(final String name, final boolean value, final String help)
    {
        return option(OptionSpec.of(name, OptionType.BOOLEAN, help), value, Options::getBoolean);
    }

    protected final Option<String> stringOption(final String name, final String value, final String help)
    {
        return option(OptionSpec.of(name, OptionType.STRING, help), value, Options::getString);
    }

    /** A file or directory; relative paths are taken as the user wrote them. */
    protected final Option<String> pathOption(final String name, final String value, final String help)
    {
        return option(OptionSpec.of(name, OptionType.PATH, help), value, Options::getString);
    }

    /** A size in bytes; the default as HOCON text ({@code "64"}, {@code "16M"}). */
    protected final Option<Long> bytesOption(final String name, final String value, final long min, final long max, final String help)
    {
        // a plain number stays a number, so that dpl devices shows it as one
        final Object declared = value.chars().allMatch(Character::isDigit) ? (Object)Long.parseLong(value) : value;
        return option(OptionSpec.ranged(name, OptionType.BYTES, min, max, help), declared, Options::getBytes);
    }

    /** A duration; the default as HOCON text ({@code "5s"}, {@code "200ms"}). */
    protected final Option<Duration> durationOption(final String name, final String value, final String help)
    {
        return option(OptionSpec.of(name, OptionType.DURATION, help), value, Options::getDuration);
    }

    protected final Option<List<String>> stringListOption(final String name, final List<String> value, final String help)
    {
        return option(OptionSpec.of(name, OptionType.STRING_LIST, help), value, Options::getStringList);
    }

    private <T> Option<T> option(final OptionSpec spec, final Object value, final BiFunction<Options, String, T> reader)
    {
        requireNew(spec.name(), options.stream().map(OptionSpec::name).toList(), "option");
        options.add(spec.withDefault(value));
        return new Option<>(spec.name(), reader);
    }

    private void requireNew(final String name, final List<String> declared, final String what)
    {
        if (declared.contains(name))
        {
            throw new IllegalStateException("device type '" + type + "' (" + getClass().getName() + ") declares " + what + " '" + name + "' twice");
        }
    }

    @Override
    public final String type()
    {
        return type;
    }

    @Override
    public final String description()
    {
        return help;
    }

    @Override
    public final List<String> inputs()
    {
        return inputs.stream().map(InputPort::declared).toList();
    }

    @Override
    public final List<String> outputs()
    {
        return outputs.stream().map(OutputPort::declared).toList();
    }

    @Override
    public final List<OptionSpec> options()
    {
        return List.copyOf(options);
    }

    @Override
    public final Device create()
    {
        return new DeclaredDevice(this, inputs, outputs);
    }
}
