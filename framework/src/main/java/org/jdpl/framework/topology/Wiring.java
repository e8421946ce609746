package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.List;

import org.jdpl.framework.spec.InputSpec;
import org.jdpl.framework.spec.OutputSpec;

/**
 * The logical edges of a topology: every (output, input) pair where the input's matcher accepts
 * the output's spec, between two different devices. The validator checks them, the planner turns
 * them into routes.
 */
final class Wiring
{
    private Wiring()
    {
    }

    /** Every matching pair, by producer in the given order, then output, then consumer, then input. */
    static List<Edge> edges(final List<TopologyDevice> devices)
    {
        final List<Edge> edges = new ArrayList<>();
        for (final TopologyDevice producer : devices)
        {
            for (int o = 0; o < producer.outputs().size(); o++)
            {
                final OutputSpec output = producer.outputs().get(o);
                for (final TopologyDevice consumer : devices)
                {
                    if (consumer == producer)
                    {
                        continue;
                    }
                    for (int i = 0; i < consumer.inputs().size(); i++)
                    {
                        if (consumer.inputs().get(i).matcher().matches(output.spec()))
                        {
                            edges.add(new Edge(producer, o, consumer, i));
                        }
                    }
                }
            }
        }
        return edges;
    }

    /** Messages on {@code producer}'s output {@code outputIndex} reach {@code consumer}'s input {@code inputIndex}. */
    record Edge(TopologyDevice producer, int outputIndex, TopologyDevice consumer, int inputIndex)
    {
        OutputSpec output()
        {
            return producer.outputs().get(outputIndex);
        }

        InputSpec input()
        {
            return consumer.inputs().get(inputIndex);
        }
    }
}
