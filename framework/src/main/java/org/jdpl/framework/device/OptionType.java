package org.jdpl.framework.device;

/** The value types a device option may have; each is checked when a topology is validated. */
public enum OptionType
{
    INT("integer"),
    LONG("integer"),
    DOUBLE("number"),
    BOOLEAN("boolean"),
    STRING("string"),
    /** A size in bytes; HOCON size units allowed ({@code 16M}, {@code 1G}). */
    BYTES("size in bytes"),
    /** A duration; HOCON units allowed ({@code 5s}, {@code 200ms}). */
    DURATION("duration"),
    /** A file or directory path. */
    PATH("path"),
    /** A list of strings. */
    STRING_LIST("list of strings");

    private final String text;

    OptionType(final String text)
    {
        this.text = text;
    }

    /** How the type is named in error messages and help. */
    public String text()
    {
        return text;
    }
}
