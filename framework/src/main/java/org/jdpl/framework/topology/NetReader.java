package org.jdpl.framework.topology;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import org.jdpl.framework.plan.FanOut;
import org.jdpl.framework.plan.NetSettings;

/** Reads and checks the {@code net { mtu, socket-buffer, receiver-window, term-length, base-port, fan-out, multicast-group, listen }} block. */
final class NetReader
{
    static final String MTU = "mtu";
    static final String SOCKET_BUFFER = "socket-buffer";
    static final String RECEIVER_WINDOW = "receiver-window";
    static final String TERM_LENGTH = "term-length";
    static final String BASE_PORT = "base-port";
    static final String FAN_OUT = "fan-out";
    static final String MULTICAST_GROUP = "multicast-group";
    /** {@code host} (default): consumers listen on their host's address in the plan; {@code any}: on every interface. */
    static final String LISTEN = "listen";
    /** How long a host agent's counters may not arrive before the launching host calls it lost. */
    static final String SILENT_AFTER = "silent-after";
    static final List<String> KEYS = List.of(MTU, SOCKET_BUFFER, RECEIVER_WINDOW, TERM_LENGTH, BASE_PORT, FAN_OUT, MULTICAST_GROUP, LISTEN,
        SILENT_AFTER);
    private static final int MAX_MTU_BYTES = 65504;
    private static final int MIN_MTU_BYTES = 576;
    private static final long MIN_TERM_BYTES = 64 * 1024;
    private static final long MAX_TERM_BYTES = 1024L * 1024 * 1024;

    private NetReader()
    {
    }

    static NetSettings read(final ConfigValue value, final List<Problem> problems)
    {
        if (!(value instanceof ConfigObject block))
        {
            if (value != null)
            {
                problems.add(new Problem(Locations.of(value.origin()), "'net' must be a block { }, not " + OptionValidator.describe(value),
                    "write net { mtu = 8K, socket-buffer = 4M }"));
            }
            return NetSettings.DEFAULTS;
        }
        final NetSettings d = NetSettings.DEFAULTS;
        long mtu = d.mtuBytes();
        long socketBuffer = d.socketBufferBytes();
        long window = d.receiverWindowBytes();
        long term = d.termLengthBytes();
        long basePort = d.basePort();
        FanOut fanOut = d.fanOut();
        String group = d.multicastGroup();
        boolean listenOnAll = d.listenOnAll();
        long silentAfterMs = d.silentAfterMs();
        final Config config = block.toConfig();
        for (final Map.Entry<String, ConfigValue> entry : block.entrySet())
        {
            final String key = entry.getKey();
            final String where = Locations.of(entry.getValue().origin());
            switch (key)
            {
                case MTU -> mtu = checked(where, key, size(config, key, where, problems), MIN_MTU_BYTES, MAX_MTU_BYTES, mtu,
                    "a multiple of 32 from 576 to 65504, e.g. net.mtu = 8K with jumbo frames, 1408 without", 32, problems);
                case SOCKET_BUFFER -> socketBuffer = checked(where, key, size(config, key, where, problems), 0, Integer.MAX_VALUE,
                    socketBuffer, "bandwidth x round-trip time, e.g. net.socket-buffer = 4M (the OS caps it at net.core.rmem_max)", 1,
                    problems);
                case RECEIVER_WINDOW -> window = checked(where, key, size(config, key, where, problems), 0, Integer.MAX_VALUE, window,
                    "bandwidth x round-trip time, e.g. net.receiver-window = 2M", 1, problems);
                case TERM_LENGTH -> term = powerOfTwo(where, size(config, key, where, problems), term, problems);
                case BASE_PORT -> basePort = port(config, where, basePort, problems);
                case FAN_OUT -> fanOut = fanOut(entry.getValue(), where, fanOut, problems);
                case MULTICAST_GROUP -> group = multicastGroup(entry.getValue(), where, group, problems);
                case LISTEN -> listenOnAll = listen(entry.getValue(), where, listenOnAll, problems);
                case SILENT_AFTER -> silentAfterMs = silentAfter(config, entry.getValue(), where, problems);
                default -> problems.add(new Problem(where, "unknown key 'net." + key + "'", DidYouMean.hint(key, KEYS, "net keys")));
            }
        }
        return new NetSettings((int)mtu, socketBuffer, window, (int)term, (int)basePort, fanOut, group, listenOnAll, silentAfterMs);
    }

    /** A duration of at least a second (counters come four times a second); 0 (never) when it is not. */
    private static long silentAfter(final Config config, final ConfigValue value, final String where, final List<Problem> problems)
    {
        long ms;
        try
        {
            ms = config.getDuration(SILENT_AFTER).toMillis();
        }
        catch (final ConfigException e)
        {
            ms = -1;
        }
        if (ms < 1000)
        {
            problems.add(new Problem(where, "net.silent-after must be a duration of at least 1s, got " + OptionValidator.describe(value),
                "e.g. net.silent-after = 30s"));
            return 0;
        }
        return ms;
    }

    private static boolean listen(final ConfigValue value, final String where, final boolean fallback, final List<Problem> problems)
    {
        final String text = String.valueOf(value.unwrapped());
        if (text.equals("host") || text.equals("any"))
        {
            return text.equals("any");
        }
        problems.add(new Problem(where, "net.listen = " + OptionValidator.describe(value) + " is not where to listen",
            "write host (the default: each host's address in the plan only) or any (every interface)"));
        return fallback;
    }

    private static FanOut fanOut(final ConfigValue value, final String where, final FanOut fallback, final List<Problem> problems)
    {
        final String text = String.valueOf(value.unwrapped()).toLowerCase(Locale.ROOT);
        for (final FanOut mode : FanOut.values())
        {
            if (mode.name().toLowerCase(Locale.ROOT).equals(text))
            {
                return mode;
            }
        }
        problems.add(new Problem(where, "net.fan-out = " + OptionValidator.describe(value) + " is not a fan-out",
            "write mdc (one stream, destinations found dynamically), multicast (controlled networks) or unicast"));
        return fallback;
    }

    private static String multicastGroup(final ConfigValue value, final String where, final String fallback, final List<Problem> problems)
    {
        final String text = String.valueOf(value.unwrapped());
        final String[] octets = text.split("\\.", -1);
        boolean valid = octets.length == 4;
        for (int i = 0; valid && i < 4; i++)
        {
            valid = octets[i].matches("[0-9]{1,3}") && Integer.parseInt(octets[i]) <= 255;
        }
        if (valid && Integer.parseInt(octets[0]) >= 224 && Integer.parseInt(octets[0]) <= 239)
        {
            return text;
        }
        problems.add(new Problem(where, "net.multicast-group = " + OptionValidator.describe(value) + " is not an IPv4 multicast address",
            "give one from 224.0.0.0 to 239.255.255.255, e.g. " + NetSettings.DEFAULT_MULTICAST_GROUP + " (site-local)"));
        return fallback;
    }

    private static long size(final Config config, final String key, final String where, final List<Problem> problems)
    {
        try
        {
            return OptionValidator.bytes(config, ConfigUtil.quoteString(key));
        }
        catch (final ConfigException.WrongType | ConfigException.BadValue e)
        {
            problems.add(new Problem(where, "net." + key + " is not a size: " + OptionValidator.describe(config.getValue(ConfigUtil.quoteString(key))),
                "give a size in bytes (units: K, M, G)"));
            return Long.MIN_VALUE;
        }
    }

    private static long checked(final String where, final String key, final long value, final long min, final long max, final long fallback,
        final String hint, final int multipleOf, final List<Problem> problems)
    {
        if (value == Long.MIN_VALUE)
        {
            return fallback;
        }
        if (value < min || value > max || value % multipleOf != 0)
        {
            problems.add(new Problem(where, "net." + key + " = " + value + " is out of range", hint));
            return fallback;
        }
        return value;
    }

    private static long powerOfTwo(final String where, final long value, final long fallback, final List<Problem> problems)
    {
        if (value == Long.MIN_VALUE)
        {
            return fallback;
        }
        if (Long.bitCount(value) != 1 || value < MIN_TERM_BYTES || value > MAX_TERM_BYTES)
        {
            problems.add(new Problem(where, "net.term-length = " + value + " is not a power of two from 64K to 1G",
                "e.g. net.term-length = 64M (a message up to 1/8 of it travels in one piece, larger ones in chunks)"));
            return fallback;
        }
        return value;
    }

    private static long port(final Config config, final String where, final long fallback, final List<Problem> problems)
    {
        try
        {
            final int port = config.getInt(BASE_PORT);
            if (port >= 1024 && port <= 60_000)
            {
                return port;
            }
        }
        catch (final ConfigException.WrongType | ConfigException.BadValue e)
        {
            // reported below
        }
        problems.add(new Problem(where, "net.base-port must be a whole number from 1024 to 60000, got " +
            OptionValidator.describe(config.getValue(BASE_PORT)), "stream s listens on base-port + s (streams start at 1001)"));
        return fallback;
    }
}
