package org.jdpl.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Jars of device types made in a test, as a user's own build would: compiled with javax.tools against
 * the framework on the test's class path, registered as the framework's ServiceLoader expects.
 */
public final class DeviceJars
{
    /** The service file that lists a jar's device types (org.jdpl.framework.device.DeviceFactory). */
    private static final String SERVICE_FILE = "META-INF/services/org.jdpl.framework.device.DeviceFactory";

    private DeviceJars()
    {
    }

    /**
     * A jar with one device type {@code type}, class {@code ext.<className>}: it forwards input 'in'
     * (TST/COUNTER) to output 'out' (TST/FORWARD/0) unchanged and counts metric {@code seen}.
     */
    public static Path forwarder(final Path dir, final String jarName, final String className, final String type) throws IOException
    {
        final String source = """
            package ext;

            import org.jdpl.framework.device.*;

            public final class %s extends DeviceSpec
            {
                private final InputPort in = input("in", "TST/COUNTER");
                private final OutputPort out = output("out", "TST/FORWARD/0");

                public %s()
                {
                    super("%s", "test: forwards each payload, counting them");
                }

                @Override
                protected ProcessFunction init(final Setup setup)
                {
                    return ts ->
                    {
                        ts.forward(out, ts.input(in));
                        ts.metrics().add("seen", 1);
                    };
                }
            }
            """.formatted(className, className, type);
        return jar(dir, jarName, "ext." + className, source, true);
    }

    /** A jar with a class but no device type registered. */
    public static Path withoutDevices(final Path dir, final String jarName) throws IOException
    {
        return jar(dir, jarName, "ext.Helper", "package ext;\n\npublic final class Helper\n{\n}\n", false);
    }

    private static Path jar(final Path dir, final String jarName, final String className, final String source, final boolean register)
        throws IOException
    {
        final Path work = Files.createTempDirectory(dir, "src");
        final Path file = work.resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        final Path classes = Files.createDirectories(work.resolve("classes"));
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        final int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), file.toString());
        if (status != 0)
        {
            throw new IllegalStateException("javac failed on " + file);
        }
        final Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> compiled = Files.walk(classes))
        {
            for (final Path path : compiled.filter(Files::isRegularFile).sorted().toList())
            {
                add(out, classes.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
            if (register)
            {
                add(out, SERVICE_FILE, (className + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static void add(final JarOutputStream out, final String name, final byte[] bytes) throws IOException
    {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
