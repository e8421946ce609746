package org.jdpl.framework.topology;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.jdpl.framework.plan.Plan;
import org.jdpl.framework.plan.PlannedDevice;
import org.jdpl.framework.plan.Route;

/** Draws a {@link Plan} for {@code dpl graph}: Graphviz dot, Mermaid, or the plan itself as JSON. */
public final class PlanRenderer
{
    /** The output formats. */
    public enum Format
    {
        dot, mermaid, json
    }

    private PlanRenderer()
    {
    }

    public static String render(final Plan plan, final Format format)
    {
        return switch (format)
        {
            case dot -> dot(plan);
            case mermaid -> mermaid(plan);
            case json -> json(plan);
        };
    }

    static String dot(final Plan plan)
    {
        final StringBuilder out = new StringBuilder("digraph topology {\n  rankdir=LR;\n  node [shape=box];\n");
        for (final PlannedDevice device : plan.devices())
        {
            out.append("  ").append(quote(device.name())).append(" [label=").append(quote(device.name() + "\\n" + typeLine(plan, device)))
                .append("];\n");
        }
        for (final PlannedDevice device : plan.devices())
        {
            for (final Route route : device.routes())
            {
                out.append("  ").append(quote(device.name())).append(" -> ").append(quote(route.consumer()))
                    .append(" [label=").append(quote(route.spec().toString())).append("];\n");
            }
        }
        return out.append("}\n").toString();
    }

    static String mermaid(final Plan plan)
    {
        // Mermaid ids may not hold '-', so nodes get generated ids and show the name as their label.
        final Map<String, String> ids = new HashMap<>();
        final StringBuilder out = new StringBuilder("flowchart LR\n");
        for (final PlannedDevice device : plan.devices())
        {
            final String id = "d" + ids.size();
            ids.put(device.name(), id);
            out.append("  ").append(id).append("[\"").append(device.name()).append("<br/>").append(typeLine(plan, device)).append("\"]\n");
        }
        for (final PlannedDevice device : plan.devices())
        {
            for (final Route route : device.routes())
            {
                out.append("  ").append(ids.get(device.name())).append(" -->|").append(route.spec()).append("| ")
                    .append(ids.get(route.consumer())).append('\n');
            }
        }
        return out.toString();
    }

    static String json(final Plan plan)
    {
        // Records serialise by their components; is-getters (isSource, isSink) are derived, not data.
        final ObjectMapper mapper = new ObjectMapper()
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .enable(SerializationFeature.INDENT_OUTPUT);
        try
        {
            return mapper.writeValueAsString(plan) + "\n";
        }
        catch (final JsonProcessingException e)
        {
            throw new IllegalStateException("cannot write the plan as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String typeLine(final Plan plan, final PlannedDevice device)
    {
        final String type = device.replicas() == 1 ? device.type() : device.type() + " \u00d7" + device.replicas();
        return plan.placement().spansHosts() ? type + " @ " + hostsOf(plan, device) : type;
    }

    /** The device's hosts, each once, in replica order: {@code node1} or {@code node1,node2}. */
    private static String hostsOf(final Plan plan, final PlannedDevice device)
    {
        final Set<String> hosts = new LinkedHashSet<>();
        for (int r = 0; r < device.replicas(); r++)
        {
            hosts.add(plan.placement().hostOf(device.name(), r));
        }
        return String.join(",", hosts);
    }

    private static String quote(final String text)
    {
        return "\"" + text.replace("\"", "\\\"") + "\"";
    }
}
