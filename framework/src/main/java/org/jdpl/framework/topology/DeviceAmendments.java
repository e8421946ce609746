package org.jdpl.framework.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;

/**
 * The {@code amend { <device> { ... } }} blocks of topology files: how a later file changes a device
 * that an earlier file declared (reroutes its outputs, sets its options or replicas), where
 * declaring it again is an accidental duplicate. An amendment merges into the declaration as HOCON
 * merges: a key it gives replaces the declared one, a block ({@code options}) merges key by key. It
 * may not change a device's type ({@code use}), and must name a device declared by this file or an
 * earlier one; its keys are checked with the device's, where they are written.
 */
final class DeviceAmendments
{
    /** Devices amended before any file declared them: device name to where it was amended. */
    private final Map<String, String> undeclared = new LinkedHashMap<>();
    private boolean failed;

    /** {@code file} without its amend block. */
    static Config withoutAmendments(final Config file)
    {
        return file.withoutPath(TopologyKeys.AMEND);
    }

    /**
     * Applies {@code file}'s amend block, if any, to {@code merged} (the files so far, this one
     * included); {@code deviceOrigins} holds the devices declared so far.
     */
    Config apply(final Config file, final Config merged, final Map<String, String> deviceOrigins, final List<Problem> problems)
    {
        final ConfigValue block = file.root().get(TopologyKeys.AMEND);
        if (block == null)
        {
            return merged;
        }
        if (!(block instanceof ConfigObject amendments))
        {
            fail(problems, new Problem(Locations.of(block.origin()), "amend is not a block", "write amend { <device> { <key> = <value> } }"));
            return merged;
        }
        Config amended = merged;
        for (final Map.Entry<String, ConfigValue> entry : amendments.entrySet())
        {
            final String name = entry.getKey();
            final ConfigValue amendment = entry.getValue();
            final String where = Locations.of(amendment.origin());
            if (!(amendment instanceof ConfigObject keys))
            {
                fail(problems, new Problem(where, "amend." + name + " is not a block",
                    "write amend { " + name + " { <key> = <value> } } with the keys to change"));
            }
            else if (keys.containsKey(TopologyKeys.USE))
            {
                fail(problems, new Problem(Locations.of(keys.get(TopologyKeys.USE).origin()), "amend cannot change the type of device '" +
                    name + "'", "amend changes how a device runs; for another type declare a new device under devices { }"));
            }
            else if (!deviceOrigins.containsKey(name))
            {
                undeclared.putIfAbsent(name, where);
            }
            else
            {
                amended = amendment.atKey(name).atKey(TopologyKeys.DEVICES).withFallback(amended);
            }
        }
        return amended;
    }

    /**
     * After every file: reports the amendments of devices that were declared only by a later file,
     * or by none. Returns false if any amendment could not be applied.
     */
    boolean finish(final Map<String, String> deviceOrigins, final List<Problem> problems)
    {
        for (final Map.Entry<String, String> entry : undeclared.entrySet())
        {
            final String name = entry.getKey();
            final String declared = deviceOrigins.get(name);
            fail(problems, declared != null ?
                new Problem(entry.getValue(), "amends device '" + name + "', which is declared only later, at " + declared,
                    "give the file that declares '" + name + "' before the file that amends it") :
                new Problem(entry.getValue(), "amends device '" + name + "', which no file declares",
                    DidYouMean.hint(name, new ArrayList<>(deviceOrigins.keySet()), "devices")));
        }
        return !failed;
    }

    private void fail(final List<Problem> problems, final Problem problem)
    {
        problems.add(problem);
        failed = true;
    }
}
