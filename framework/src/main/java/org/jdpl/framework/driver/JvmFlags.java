package org.jdpl.framework.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags every jdpl JVM needs (Aeron, Chronicle, FFM), read from the one file that holds them:
 * {@code framework/src/main/resources/org/jdpl/framework/jvm.flags}. {@code ./dpl} and the tests pass
 * that file's path as {@code -Djdpl.jvmFlagsFile}; inside a packaged jar the class-path copy is used.
 */
public final class JvmFlags
{
    public static final String FILE_PROPERTY = "jdpl.jvmFlagsFile";
    private static final String RESOURCE = "/org/jdpl/framework/jvm.flags";

    private JvmFlags()
    {
    }

    /** The flags, one per element, in file order. */
    public static List<String> load()
    {
        final String file = System.getProperty(FILE_PROPERTY);
        try
        {
            if (file != null && Files.isReadable(Path.of(file)))
            {
                return parse(Files.readString(Path.of(file)));
            }
            try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE))
            {
                if (in == null)
                {
                    throw new IllegalStateException("jvm.flags is missing from the class path (" + RESOURCE + ")");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the JVM flags file: " + ex.getMessage(), ex);
        }
    }

    static List<String> parse(final String text)
    {
        final List<String> flags = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            final String flag = line.strip();
            if (!flag.isEmpty() && !flag.startsWith("#"))
            {
                flags.add(flag);
            }
        }
        return flags;
    }
}
