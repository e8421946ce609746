package org.jdpl.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.ConfigUtil;
import org.jdpl.framework.catalog.DeviceType;
import org.jdpl.framework.device.OptionSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dpl devices [--json]}: the device types on the class path, with inputs, outputs and options. */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    description = "List the device types: description, default inputs and outputs, options with type, default, range and help.")
public final class DevicesCommand implements Callable<Integer>
{
    @Option(names = "--json", description = "Print the catalog as JSON.")
    boolean json;

    @Mixin
    DeviceLibrariesMixin libraries = new DeviceLibrariesMixin();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws JsonProcessingException
    {
        final List<Map<String, Object>> types = new ArrayList<>();
        for (final DeviceType type : libraries.catalog().types())
        {
            types.add(describe(type));
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (types.isEmpty() && !json)
        {
            out.println("no device types on the class path (each device module registers its types with ServiceLoader)");
        }
        else if (json)
        {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(types));
        }
        else
        {
            types.forEach(type -> printType(type, out));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Map<String, Object> describe(final DeviceType type)
    {
        final Map<String, Object> described = new LinkedHashMap<>();
        described.put("type", type.name());
        described.put("description", type.factory().description());
        described.put("inputs", type.factory().inputs());
        described.put("outputs", type.factory().outputs());
        if (type.library() != null)
        {
            described.put("library", type.library().toString());
        }
        final List<Map<String, Object>> options = new ArrayList<>();
        for (final OptionSpec option : type.options())
        {
            final Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", option.name());
            o.put("type", option.type().text());
            o.put("default", type.defaults().getValue(ConfigUtil.quoteString(option.name())).unwrapped());
            o.put("min", Double.isInfinite(option.min()) ? null : number(option.min()));
            o.put("max", Double.isInfinite(option.max()) ? null : number(option.max()));
            o.put("help", option.help());
            options.add(o);
        }
        described.put("options", options);
        return described;
    }

    @SuppressWarnings("unchecked")
    private static void printType(final Map<String, Object> type, final PrintWriter out)
    {
        out.println(type.get("type") + " - " + type.get("description"));
        out.println("  inputs:  " + list((List<String>)type.get("inputs")));
        out.println("  outputs: " + list((List<String>)type.get("outputs")));
        if (type.containsKey("library"))
        {
            out.println("  from:    " + type.get("library"));
        }
        final List<Map<String, Object>> options = (List<Map<String, Object>>)type.get("options");
        if (options.isEmpty())
        {
            out.println("  options: (none)");
        }
        else
        {
            out.println("  options:");
        }
        final List<String[]> rows = new ArrayList<>();
        for (final Map<String, Object> option : options)
        {
            rows.add(new String[] {String.valueOf(option.get("name")), String.valueOf(option.get("type")),
                "default " + option.get("default"), range(option.get("min"), option.get("max")), String.valueOf(option.get("help"))});
        }
        printColumns(rows, out);
        out.println();
    }

    /** Rows padded to their widest cell per column, so that options of one type line up. */
    private static void printColumns(final List<String[]> rows, final PrintWriter out)
    {
        final int columns = rows.isEmpty() ? 0 : rows.get(0).length;
        final int[] widths = new int[columns];
        java.util.Arrays.fill(widths, 1); // a column empty in every row still needs a width for %-Ns
        for (final String[] row : rows)
        {
            for (int c = 0; c < columns; c++)
            {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (final String[] row : rows)
        {
            final StringBuilder line = new StringBuilder("   ");
            for (int c = 0; c < columns; c++)
            {
                line.append(' ').append(c == columns - 1 ? row[c] : String.format("%-" + widths[c] + "s", row[c]));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String list(final List<String> specs)
    {
        return specs.isEmpty() ? "(none)" : String.join(", ", specs);
    }

    private static String range(final Object min, final Object max)
    {
        if (min == null && max == null)
        {
            return "";
        }
        if (max == null)
        {
            return ">= " + min;
        }
        return min == null ? "<= " + max : min + ".." + max;
    }

    /** A whole-valued bound as a long, so that it prints as {@code 1000}, not {@code 1000.0}. */
    private static Object number(final double value)
    {
        return value == Math.rint(value) && Math.abs(value) <= 0x1p63 ? (Object)(long)value : (Object)value;
    }
}
