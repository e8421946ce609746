package org.jdpl.framework.topology;

import com.typesafe.config.ConfigOrigin;

/** Turns Typesafe Config origins into the {@code file.conf:LINE} form users see. */
final class Locations
{
    private Locations()
    {
    }

    static String of(final ConfigOrigin origin)
    {
        if (origin == null)
        {
            return "";
        }
        final String file = origin.filename();
        if (file == null)
        {
            // Values from --set carry their own description ("--set 'a.b=c'"); its line is always 1.
            return origin.description().replaceFirst(": -?[0-9]+$", "");
        }
        final String shown = file.startsWith("./") ? file.substring(2) : file;
        return origin.lineNumber() > 0 ? shown + ":" + origin.lineNumber() : shown;
    }
}
