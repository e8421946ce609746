package org.jdpl.framework.topology;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;

/**
 * Resolves {@code include "x.conf"} and {@code include file("x.conf")} relative to the including
 * file, and fails when the file is missing. HOCON's own includer silently ignores a missing include
 * and falls back to the class path, which turns a typo into a topology that quietly lacks devices.
 */
final class StrictIncluder implements ConfigIncluder, ConfigIncluderFile
{
    private static final List<String> EXTENSIONS = List.of(".conf", ".json", ".properties");

    /** The files including this one, outermost first, and this one last; to catch include cycles. */
    private final List<Path> chain;
    private final Path includingFile;

    private StrictIncluder(final List<Path> chain)
    {
        this.chain = chain;
        this.includingFile = chain.getLast();
    }

    /** Parse options for {@code file}, whose includes resolve relative to it. */
    static ConfigParseOptions optionsFor(final Path file)
    {
        return ConfigParseOptions.defaults().setAllowMissing(false).setIncluder(new StrictIncluder(List.of(file)));
    }

    @Override
    public ConfigIncluder withFallback(final ConfigIncluder fallback)
    {
        // url() and classpath() includes go to HOCON's own includer; plain and file() ones stay here.
        return this;
    }

    @Override
    public ConfigObject include(final ConfigIncludeContext context, final String what)
    {
        return parse(context, what);
    }

    @Override
    public ConfigObject includeFile(final ConfigIncludeContext context, final File what)
    {
        return parse(context, what.getPath());
    }

    private ConfigObject parse(final ConfigIncludeContext context, final String what)
    {
        final Path file = find(what);
        if (file == null)
        {
            throw new ConfigException.IO(here(what),
                "included file '" + what + "' not found (looked for " + sibling(what) + hintExtensions(what) + ")");
        }
        final List<Path> longer = new ArrayList<>(chain);
        longer.add(file);
        for (final Path earlier : chain)
        {
            if (sameFile(earlier, file))
            {
                final List<String> names = new ArrayList<>();
                longer.forEach(p -> names.add(p.toString()));
                throw new ConfigException.IO(here(what), "include cycle: " + String.join(" -> ", names));
            }
        }
        return ConfigFactory.parseFile(file.toFile(), context.parseOptions().setAllowMissing(false).setIncluder(new StrictIncluder(longer)))
            .root();
    }

    private ConfigOrigin here(final String what)
    {
        return ConfigOriginFactory.newFile(includingFile.toString()).withLineNumber(lineOf(what));
    }

    private static boolean sameFile(final Path a, final Path b)
    {
        try
        {
            return Files.isSameFile(a, b);
        }
        catch (final IOException e)
        {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private Path find(final String what)
    {
        final Path direct = sibling(what);
        if (Files.isRegularFile(direct))
        {
            return direct;
        }
        if (!hasExtension(what))
        {
            for (final String extension : EXTENSIONS)
            {
                final Path candidate = sibling(what + extension);
                if (Files.isRegularFile(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private Path sibling(final String what)
    {
        final Path target = Path.of(what);
        if (target.isAbsolute())
        {
            return target;
        }
        final Path dir = includingFile.getParent();
        return dir == null ? target : dir.resolve(target);
    }

    private static boolean hasExtension(final String what)
    {
        return Path.of(what).getFileName().toString().contains(".");
    }

    private static String hintExtensions(final String what)
    {
        return hasExtension(what) ? "" : " with .conf, .json, .properties";
    }

    /** The include's line, found in the text: the includer is not told where the statement is. */
    private int lineOf(final String what)
    {
        try
        {
            final List<String> lines = Files.readAllLines(includingFile);
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i).strip();
                final int include = line.indexOf("include");
                if (include >= 0 && !line.startsWith("#") && !line.startsWith("//") && line.indexOf(what, include) > include)
                {
                    return i + 1;
                }
            }
        }
        catch (final IOException ignored)
        {
            // The file was readable a moment ago; without its text the problem just has no line.
        }
        return -1;
    }
}
