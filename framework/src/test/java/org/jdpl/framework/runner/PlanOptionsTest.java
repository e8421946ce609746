package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import org.jdpl.framework.device.Options;
import org.jdpl.framework.plan.Completion;
import org.jdpl.framework.plan.FailurePolicy;
import org.jdpl.framework.plan.PlannedDevice;
import org.junit.jupiter.api.Test;

/** The plain reader of a plan's options gives what Typesafe Config gives, for every getter and form. */
class PlanOptionsTest
{
    private static final String HOCON = """
        {payload-bytes = 16K, decimal-size = 2kB, big = 3 GiB, bare-size = 4096, rate-hz = 2.5, whole-double = 3,
         timeout = 200ms, long-timeout = 2 minutes, bare-timeout = 150, fraction-timeout = 1.5s, names = [a, b], mixed = [a, 1],
         count = 7, quoted-count = "8", huge = 9000000000, fail-on-error = true, yes = yes, label = x, escaped = "a\\"b\\u00e9",
         nothing = null, nested { a = 1 }}
        """;
    private static final String JSON = ConfigFactory.parseString(HOCON).root().render(ConfigRenderOptions.concise());

    private final Options plain = options(JSON);
    private final ConfigOptions reference = ConfigOptions.parse("reco", JSON, ConfigFactory.empty());

    @Test
    void shouldReadEveryFormAsTypesafeConfigDoes()
    {
        assertInstanceOf(PlanOptions.class, plain, "a Driver-made plan's options are read without Typesafe Config");
        same(o -> o.getBytes("payload-bytes"), o -> o.getBytes("decimal-size"), o -> o.getBytes("big"), o -> o.getBytes("bare-size"),
            o -> o.getDouble("rate-hz"), o -> o.getDouble("whole-double"), o -> o.getDuration("timeout"),
            o -> o.getDuration("long-timeout"), o -> o.getDuration("bare-timeout"), o -> o.getDuration("fraction-timeout"),
            o -> o.getStringList("names"), o -> o.getStringList("mixed"), o -> o.getInt("count"), o -> o.getLong("count"),
            o -> o.getInt("quoted-count"), o -> o.getLong("huge"), o -> o.getBoolean("fail-on-error"), o -> o.getBoolean("yes"),
            o -> o.getString("label"), o -> o.getString("escaped"), o -> o.getString("count"));
        assertEquals(16384, plain.getBytes("payload-bytes"));
        assertEquals(List.of("a", "b"), plain.getStringList("names"));
    }

    @Test
    void shouldFailAsTypesafeConfigDoes()
    {
        for (final Function<Options, Object> bad : List.<Function<Options, Object>>of(o -> o.getInt("max-hits"), o -> o.getInt("label"),
            o -> o.getInt("huge"), o -> o.getBytes("label"), o -> o.getDuration("names"), o -> o.getString("nested"),
            o -> o.getString("nothing")))
        {
            final IllegalArgumentException expected = assertThrows(IllegalArgumentException.class, () -> bad.apply(reference));
            final IllegalArgumentException actual = assertThrows(IllegalArgumentException.class, () -> bad.apply(plain));
            assertEquals(expected.getMessage(), actual.getMessage());
        }
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> plain.getInt("max-hits"));
        assertTrue(missing.getMessage().startsWith("device 'reco': option 'max-hits' is not set"), missing.getMessage());
    }

    @Test
    void shouldReadAHandMadePlansHoconWithTheTypesDefaultsBehind() throws Exception
    {
        final Options hocon = PlanOptions.of(device("{count = 3}"), () -> ConfigFactory.parseString("{count = 1, label = y}"));
        assertInstanceOf(ConfigOptions.class, hocon);
        assertEquals(3, hocon.getInt("count"));
        assertEquals("y", hocon.getString("label"));
        final Options json = PlanOptions.of(device("{\"count\":3}"), () -> ConfigFactory.parseString("{count = 1, label = y}"));
        assertEquals(3, json.getInt("count"));
        assertEquals("y", json.getString("label"), "an option the plan lacks comes from the type's defaults");
    }

    @SafeVarargs
    private void same(final Function<Options, Object>... getters)
    {
        for (final Function<Options, Object> getter : getters)
        {
            assertEquals(getter.apply(reference), getter.apply(plain));
        }
    }

    private static Options options(final String text)
    {
        try
        {
            return PlanOptions.of(device(text), ConfigFactory::empty);
        }
        catch (final DeviceSetupException e)
        {
            throw new AssertionError(e);
        }
    }

    private static PlannedDevice device(final String options)
    {
        return new PlannedDevice("reco", "forwarder", 1, Completion.ALL, options, List.of(), List.of(), 0, 0, List.of(), "backoff",
            FailurePolicy.DEFAULT, "reco.conf:1");
    }
}
