package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.spec.DataSpec;
import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.Lifetime;
import org.jdpl.framework.spec.OutputSpec;

/**
 * Checks how devices connect: one producer per concrete spec, a producer for every input that
 * needs one, no input fed by two producers, no output landing on two inputs of one consumer, and
 * no cycles.
 */
final class GraphValidator
{
    private final List<TopologyDevice> devices;
    private final List<Wiring.Edge> edges;
    private final List<Problem> problems;

    private GraphValidator(final List<TopologyDevice> devices, final List<Problem> problems)
    {
        this.devices = devices;
        this.edges = Wiring.edges(devices);
        this.problems = problems;
    }

    static void check(final List<TopologyDevice> devices, final List<Problem> problems)
    {
        final GraphValidator validator = new GraphValidator(devices, problems);
        validator.checkProducers();
        validator.checkInputs();
        validator.checkOutputsPerConsumer();
        validator.checkExpendableProducers();
        CycleFinder.report(devices, validator.edges, problems);
    }

    private void checkProducers()
    {
        final Map<DataSpec, String> producedBy = new LinkedHashMap<>();
        for (final TopologyDevice device : devices)
        {
            for (int o = 0; o < device.outputs().size(); o++)
            {
                final OutputSpec output = device.outputs().get(o);
                final String here = "'" + device.name() + "' (" + device.outputOrigins().get(o) + ")";
                final String first = producedBy.putIfAbsent(output.spec(), here);
                if (first != null && first.startsWith("'" + device.name() + "' "))
                {
                    problems.add(new Problem(device.outputOrigins().get(o), "device '" + device.name() + "' produces " + output.spec() +
                        " on two outputs", "give each output its own spec (e.g. another subSpec)"));
                }
                else if (first != null)
                {
                    problems.add(new Problem(device.outputOrigins().get(o), output.spec() + " has two producers: " + first + " and " + here,
                        "each concrete spec has one producer: give one of the outputs another spec (e.g. another subSpec)"));
                }
            }
        }
    }

    private void checkInputs()
    {
        for (final TopologyDevice consumer : devices)
        {
            for (int i = 0; i < consumer.inputs().size(); i++)
            {
                final InputSpec input = consumer.inputs().get(i);
                final List<Wiring.Edge> feeding = edgesInto(consumer, i);
                final String where = consumer.inputOrigins().get(i);
                final String what = "device '" + consumer.name() + "': input '" + input + "'";
                if (input.lifetime() == Lifetime.TIMER)
                {
                    checkTimer(consumer, i, feeding);
                }
                else if (feeding.isEmpty() && input.lifetime().needsProducer())
                {
                    problems.add(producesItself(consumer, input)
                        ? new Problem(where, what + " matches only the device's own output", "a device cannot consume what it produces: " +
                            "narrow the input, or change the output's spec")
                        : new Problem(where, what + " has no producer", danglingHint(input)));
                }
                else if (feeding.size() > 1 && !sameSpec(feeding))
                {
                    final Set<String> producers = new LinkedHashSet<>();
                    final List<String> matched = new ArrayList<>();
                    for (final Wiring.Edge edge : feeding)
                    {
                        producers.add(edge.producer().name());
                        matched.add(edge.output().spec() + " of '" + edge.producer().name() + "'");
                    }
                    final String several = producers.size() > 1 ? "outputs of " + producers.size() + " devices" : "several outputs";
                    problems.add(new Problem(where, what + " is ambiguous: it matches " + several + ": " + String.join(", ", matched),
                        "use a narrower matcher, e.g. " + input.label() + ":" + feeding.get(0).output().spec() +
                            ", and one input per producer"));
                }
            }
        }
    }

    /** A timer is the device's own clock: nothing produces it, and it drives the device alone. */
    private void checkTimer(final TopologyDevice consumer, final int inputIndex, final List<Wiring.Edge> feeding)
    {
        final InputSpec input = consumer.inputs().get(inputIndex);
        final String where = consumer.inputOrigins().get(inputIndex);
        final String what = "device '" + consumer.name() + "': timer input '" + input.label() + "'";
        if (!feeding.isEmpty())
        {
            problems.add(new Problem(where, what + " matches " + feeding.get(0).output().spec() + " of '" +
                feeding.get(0).producer().name() + "', but a timer has no producer",
                "give the timer a spec nothing produces (e.g. TMR/TICK/0), or make it a timeframe input"));
        }
        for (final InputSpec other : consumer.inputs())
        {
            if (other.lifetime() != Lifetime.TIMER)
            {
                problems.add(new Problem(where, what + " is mixed with input '" + other.label() + "' (" + other.lifetime().text() +
                    "): a timer drives a device alone", "split the device, or drop the timer (not supported yet)"));
                return;
            }
        }
        if (consumer.replicas() > 1)
        {
            problems.add(new Problem(where, what + ": a timer-driven device makes its own timeslices and cannot have pipeline = " +
                consumer.replicas(), "use pipeline = 1"));
        }
    }

    private void checkOutputsPerConsumer()
    {
        for (final TopologyDevice producer : devices)
        {
            for (int o = 0; o < producer.outputs().size(); o++)
            {
                for (final TopologyDevice consumer : devices)
                {
                    final List<String> labels = new ArrayList<>();
                    String where = null;
                    for (final Wiring.Edge edge : edges)
                    {
                        if (edge.producer() == producer && edge.outputIndex() == o && edge.consumer() == consumer)
                        {
                            labels.add("'" + edge.input().label() + "'");
                            where = consumer.inputOrigins().get(edge.inputIndex());
                        }
                    }
                    if (labels.size() > 1)
                    {
                        problems.add(new Problem(where, "device '" + consumer.name() + "': inputs " + String.join(" and ", labels) +
                            " both match " + producer.outputs().get(o).spec() + " of '" + producer.name() + "'",
                            "narrow the matchers so that each message goes to one input"));
                    }
                }
            }
        }
    }

    /** A device that needs its inputs cannot live on expendable producers alone: their crash would starve it. */
    private void checkExpendableProducers()
    {
        for (final TopologyDevice consumer : devices)
        {
            if (consumer.inputs().isEmpty() && consumer.failurePolicy().onCrash() == FailurePolicy.OnCrash.RESTART)
            {
                problems.add(new Problem(consumer.origin(), "device '" + consumer.name() + "' is a source and cannot be restarted yet: " +
                    "a new process would produce its timeslices again from the first", "use on-crash = stop (or expendable)"));
            }
            if (consumer.failurePolicy().onCrash() == FailurePolicy.OnCrash.EXPENDABLE)
            {
                continue;
            }
            final Set<String> producers = new LinkedHashSet<>();
            boolean allExpendable = true;
            for (final Wiring.Edge edge : edges)
            {
                if (edge.consumer() == consumer)
                {
                    producers.add(edge.producer().name());
                    allExpendable &= edge.producer().failurePolicy().onCrash() == FailurePolicy.OnCrash.EXPENDABLE;
                }
            }
            if (!producers.isEmpty() && allExpendable)
            {
                problems.add(new Problem(consumer.origin(), "device '" + consumer.name() + "' consumes only from expendable device(s) '" +
                    String.join("', '", producers) + "'; when they crash it starves",
                    "make '" + consumer.name() + "' expendable too (on-crash = expendable), or its producers not expendable"));
            }
        }
    }

    private static boolean producesItself(final TopologyDevice device, final InputSpec input)
    {
        for (final OutputSpec output : device.outputs())
        {
            if (input.matcher().matches(output.spec()))
            {
                return true;
            }
        }
        return false;
    }

    /** Several producers of one spec: already reported as such, and fixing that fixes this too. */
    private static boolean sameSpec(final List<Wiring.Edge> feeding)
    {
        for (final Wiring.Edge edge : feeding)
        {
            if (!edge.output().spec().equals(feeding.get(0).output().spec()))
            {
                return false;
            }
        }
        return true;
    }

    private List<Wiring.Edge> edgesInto(final TopologyDevice consumer, final int inputIndex)
    {
        final List<Wiring.Edge> into = new ArrayList<>();
        for (final Wiring.Edge edge : edges)
        {
            if (edge.consumer() == consumer && edge.inputIndex() == inputIndex)
            {
                into.add(edge);
            }
        }
        return into;
    }

    private String danglingHint(final InputSpec input)
    {
        final List<String> specs = new ArrayList<>();
        for (final TopologyDevice device : devices)
        {
            for (final OutputSpec output : device.outputs())
            {
                specs.add(output.spec().toString());
            }
        }
        final String optional = "add a device producing it, or mark the input ?lifetime=optional";
        if (specs.isEmpty())
        {
            return "no device in the topology has outputs; " + optional;
        }
        final String wanted = input.matcher().toString();
        final String best = DidYouMean.closest(wanted, specs);
        final String produced = "produced: " + String.join(", ", specs);
        return best == null ? optional + " (" + produced + ")" : "did you mean " + best + "? (" + produced + ")";
    }
}
