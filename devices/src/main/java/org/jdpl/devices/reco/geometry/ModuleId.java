package org.jdpl.devices.reco.geometry;

/** A module identifier packed into an int: volume (8 bits), layer (8 bits), module (16 bits), as in TrackML. */
public final class ModuleId
{
    private ModuleId()
    {
    }

    public static int of(final int volume, final int layer, final int module)
    {
        if (volume < 0 || volume > 127 || layer < 0 || layer > 255 || module < 0 || module > 65535)
        {
            throw new IllegalArgumentException("module id out of range: volume " + volume + " layer " + layer + " module " + module);
        }
        return volume << 24 | layer << 16 | module;
    }

    public static int volume(final int moduleId)
    {
        return moduleId >>> 24;
    }

    public static int layer(final int moduleId)
    {
        return moduleId >>> 16 & 0xff;
    }

    public static int module(final int moduleId)
    {
        return moduleId & 0xffff;
    }

    /** Volume and layer only: the detection layer a module belongs to. */
    public static int layerKey(final int moduleId)
    {
        return moduleId >>> 16;
    }

    /** Whether the volume is one of the barrels (cylinders) rather than an end-cap (disks). */
    public static boolean isBarrel(final int moduleId)
    {
        final int volume = volume(moduleId);
        return volume == 8 || volume == 13 || volume == 17;
    }

    public static String toString(final int moduleId)
    {
        return "volume " + volume(moduleId) + " layer " + layer(moduleId) + " module " + module(moduleId);
    }
}
