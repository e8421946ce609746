package org.jdpl.framework.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ConfigOptionsTest
{
    private final ConfigOptions options = ConfigOptions.parse("reco",
        "{payload-bytes = 16K, rate-hz = 2.5, timeout = 200ms, names = [a, b]}",
        ConfigFactory.parseString("{payload-bytes = 64, count = 7, fail-on-error = true, label = x}"));

    @Test
    void shouldReadTopologyValuesWithDefaultsBehind()
    {
        assertEquals(16384, options.getBytes("payload-bytes"));
        assertEquals(2.5, options.getDouble("rate-hz"));
        assertEquals(Duration.ofMillis(200), options.getDuration("timeout"));
        assertEquals(List.of("a", "b"), options.getStringList("names"));
        assertEquals(7, options.getInt("count"));
        assertEquals(7L, options.getLong("count"));
        assertEquals(true, options.getBoolean("fail-on-error"));
        assertEquals("x", options.getString("label"));
    }

    @Test
    void shouldNameTheDeviceAndOptionWhenMissingOrWrong()
    {
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> options.getInt("max-hits"));
        assertTrue(missing.getMessage().startsWith("device 'reco': option 'max-hits' is not set"), missing.getMessage());
        final IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> options.getInt("label"));
        assertTrue(wrong.getMessage().startsWith("device 'reco': option 'label' has a bad value"), wrong.getMessage());
    }
}
