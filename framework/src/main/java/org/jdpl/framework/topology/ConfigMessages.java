package org.jdpl.framework.topology;

import com.typesafe.config.ConfigException;

/** Typesafe Config's exception messages, made fit for users: no location prefix, no Java class names. */
final class ConfigMessages
{
    private ConfigMessages()
    {
    }

    static String clean(final ConfigException e)
    {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.origin() != null)
        {
            final String prefix = e.origin().description() + ": ";
            if (message.startsWith(prefix))
            {
                message = message.substring(prefix.length());
            }
        }
        // "java.io.FileNotFoundException: x (No such file)" says nothing the user needs to see twice.
        message = message.replaceAll("(java|javax|com|org)\\.[A-Za-z0-9_.$]+(Exception|Error): ", "");
        // Typesafe Config 1.4 names the wrong bracket when a file ends inside an object.
        message = message.replace("expecting a close parentheses ')' here, not: end of file",
            "the file ends inside a block: a '{' is not closed");
        // A hint aimed at Java .properties users; for a topology file it only confuses.
        message = message.replace(", or you may be able to rename the file .properties rather than .conf", "");
        return message;
    }

    static String location(final ConfigException e, final String fallback)
    {
        final String location = Locations.of(e.origin());
        return location.isEmpty() ? fallback : location;
    }
}
