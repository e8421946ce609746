package org.jdpl.topologies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import org.jdpl.framework.catalog.DeviceCatalog;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.OptionSpec;
import org.jdpl.framework.topology.Compilation;
import org.jdpl.framework.topology.PlanRenderer;
import org.jdpl.framework.topology.TopologyCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/topology.md holds the truth: every topology it shows in a {@code hocon} block validates, and
 * its list of device types is what the catalog declares, option for option. And README.md's picture of
 * the main topology is what {@code dpl graph} draws of it. That list is written by this test: {@code -Djdpl.docs.update=true} rewrites it.
 */
class TopologyDocTest
{
    private static final Path DOC = Path.of("..", "docs", "topology.md");
    private static final String BEGIN = "<!-- device types: written by TopologyDocTest (-Djdpl.docs.update=true) from the catalog; do not edit by hand -->\n";
    private static final String END = "<!-- end of device types -->\n";

    @TempDir
    Path dir;

    @Test
    void shouldValidateEveryCompleteTopologyItShows() throws Exception
    {
        final String doc = Files.readString(DOC);
        final String handWritten = doc.substring(0, doc.indexOf(BEGIN));
        final List<String> examples = new ArrayList<>();
        final String[] blocks = handWritten.split("```hocon\n");
        for (final String block : java.util.Arrays.copyOfRange(blocks, 1, blocks.length))
        {
            examples.add(block.substring(0, block.indexOf("```")));
        }
        assertTrue(examples.size() >= 10, "complete examples found: " + examples.size());
        final DeviceCatalog catalog = DeviceCatalog.load();
        final List<String> wrong = new ArrayList<>();
        for (final String example : examples)
        {
            final Path file = Files.writeString(dir.resolve("example.conf"), example);
            final Compilation compilation = TopologyCompiler.compile(List.of(file), List.of(), catalog);
            if (!compilation.ok())
            {
                wrong.add(compilation.problemReport() + "\nin the example\n" + example);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldListEveryDeviceTypeWithEveryOptionAsTheCatalogDeclaresIt() throws Exception
    {
        final String doc = Files.readString(DOC);
        final int begin = doc.indexOf(BEGIN);
        final int end = doc.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/topology.md marks its device types with\n" + BEGIN + "and\n" + END);
        final String written = doc.substring(begin + BEGIN.length(), end);
        final String declared = deviceTypes();
        if (Boolean.getBoolean("jdpl.docs.update"))
        {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + declared + doc.substring(end));
            return;
        }
        assertEquals(declared, written, "docs/topology.md lists other device types or options than the catalog declares; " +
            "run this test with -Djdpl.docs.update=true to rewrite the list");
    }

    @Test
    void shouldShowInTheReadmeTheGraphDplGraphDrawsOfTheMainTopology() throws Exception
    {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final int start = readme.indexOf("```mermaid\n") + "```mermaid\n".length();
        final Compilation compilation = TopologyCompiler.compile(List.of(Path.of("..", "topologies", "reco-sim.conf")), List.of(),
            DeviceCatalog.load());
        assertTrue(compilation.ok(), compilation.problemReport());
        assertEquals(PlanRenderer.render(compilation.plan(), PlanRenderer.Format.mermaid).strip(),
            readme.substring(start, readme.indexOf("```", start)).strip(),
            "README.md's graph is not what ./dpl graph topologies/reco-sim.conf --format mermaid draws");
    }

    /** Each shipped device type: what it does, its ports, and its options at their defaults with type, range and help. */
    private static String deviceTypes()
    {
        final StringBuilder out = new StringBuilder();
        final List<DeviceType> types = DeviceCatalog.load().types().stream()
            .filter(type -> !type.factory().getClass().getProtectionDomain().getCodeSource().getLocation().getPath().contains("/test-classes/"))
            .sorted(Comparator.comparing(DeviceType::name)).toList();
        for (final DeviceType type : types)
        {
            out.append("\n### ").append(type.name()).append("\n\n").append(type.factory().description()).append(".\n\n");
            out.append("inputs ").append(ports(type.factory().inputs())).append("; outputs ").append(ports(type.factory().outputs()))
                .append("\n");
            if (type.options().isEmpty())
            {
                out.append("\nNo options.\n");
                continue;
            }
            out.append("\n```\n").append(type.name()).append(" { use = ").append(type.name()).append(", options {\n");
            final int width = type.options().stream().mapToInt(o -> (o.name() + " = " + value(type, o)).length()).max().orElse(0) + 2;
            for (final OptionSpec option : type.options())
            {
                final String setting = option.name() + " = " + value(type, option);
                out.append("  ").append(setting).append(" ".repeat(width - setting.length())).append("# ").append(option.type().text())
                    .append(range(option)).append(": ").append(option.help()).append('\n');
            }
            out.append("} }\n```\n");
        }
        return out.append('\n').toString();
    }

    private static String value(final DeviceType type, final OptionSpec option)
    {
        return type.defaults().getValue(ConfigUtil.quoteString(option.name())).render(ConfigRenderOptions.concise());
    }

    private static String range(final OptionSpec option)
    {
        if (!option.hasRange())
        {
            return "";
        }
        final boolean noMin = option.min() <= -0x1p63;
        final boolean noMax = option.max() >= 0x1p63;
        return noMin && noMax ? "" : noMax ? " >= " + number(option.min()) : noMin ? " <= " + number(option.max()) :
            " " + number(option.min()) + ".." + number(option.max());
    }

    /** Whole numbers without a fraction (1000, not 1000.0). */
    private static String number(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }

    private static String ports(final List<String> specs)
    {
        return specs.isEmpty() ? "(none)" : "`" + String.join("`, `", specs) + "`";
    }
}
