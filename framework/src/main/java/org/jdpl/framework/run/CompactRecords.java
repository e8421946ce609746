package org.jdpl.framework.run;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records to bytes and back by their components, in plain JDK code: how the Driver hands the run
 * manifest to device processes ({@link RunLayout#deviceManifest}), so that a device JVM loads no JSON
 * library to start (Jackson was ~600 classes and ~0.4 s of CPU of a forwarder's start).
 *
 * <p>Values: records (rebuilt with their canonical constructor, so their checks run), {@code List},
 * {@code Map}, {@code String}, enums, {@code boolean}, {@code int}, {@code long}, {@code double} and
 * their boxes; null anywhere but in a primitive. Not a format to keep: the reader is always the same
 * build as the writer (the Driver gives its device processes its own class path).
 */
public final class CompactRecords
{
    private CompactRecords()
    {
    }

    public static void write(final DataOutput out, final Object value, final Type type) throws IOException
    {
        final Class<?> raw = raw(type);
        if (raw.isPrimitive())
        {
            writePrimitive(out, value, raw);
            return;
        }
        out.writeBoolean(value != null);
        if (value == null)
        {
            return;
        }
        if (raw == String.class)
        {
            writeString(out, (String)value);
        }
        else if (raw.isEnum())
        {
            writeString(out, ((Enum<?>)value).name());
        }
        else if (raw == Integer.class || raw == Long.class || raw == Boolean.class || raw == Double.class)
        {
            writePrimitive(out, value, unboxed(raw));
        }
        else if (raw == List.class)
        {
            final List<?> list = (List<?>)value;
            out.writeInt(list.size());
            for (final Object element : list)
            {
                write(out, element, argument(type, 0));
            }
        }
        else if (raw == Map.class)
        {
            final Map<?, ?> map = (Map<?, ?>)value;
            out.writeInt(map.size());
            for (final Map.Entry<?, ?> entry : map.entrySet())
            {
                write(out, entry.getKey(), argument(type, 0));
                write(out, entry.getValue(), argument(type, 1));
            }
        }
        else if (raw.isRecord())
        {
            for (final RecordComponent component : raw.getRecordComponents())
            {
                write(out, get(component, value), component.getGenericType());
            }
        }
        else
        {
            throw new IllegalArgumentException("cannot write a " + raw.getName() + " (not a record, list, map, string, enum or number)");
        }
    }

    public static Object read(final DataInput in, final Type type) throws IOException
    {
        final Class<?> raw = raw(type);
        if (raw.isPrimitive())
        {
            return readPrimitive(in, raw);
        }
        if (!in.readBoolean())
        {
            return null;
        }
        if (raw == String.class)
        {
            return readString(in);
        }
        if (raw.isEnum())
        {
            return enumValue(raw, readString(in));
        }
        if (raw == Integer.class || raw == Long.class || raw == Boolean.class || raw == Double.class)
        {
            return readPrimitive(in, unboxed(raw));
        }
        if (raw == List.class)
        {
            final int size = in.readInt();
            final List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++)
            {
                list.add(read(in, argument(type, 0)));
            }
            return list;
        }
        if (raw == Map.class)
        {
            final int size = in.readInt();
            final Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++)
            {
                map.put(read(in, argument(type, 0)), read(in, argument(type, 1)));
            }
            return map;
        }
        if (raw.isRecord())
        {
            final RecordComponent[] components = raw.getRecordComponents();
            final Class<?>[] types = new Class<?>[components.length];
            final Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++)
            {
                types[i] = components[i].getType();
                values[i] = read(in, components[i].getGenericType());
            }
            return construct(raw, types, values);
        }
        throw new IllegalArgumentException("cannot read a " + raw.getName() + " (not a record, list, map, string, enum or number)");
    }

    private static void writePrimitive(final DataOutput out, final Object value, final Class<?> type) throws IOException
    {
        if (type == int.class)
        {
            out.writeInt((Integer)value);
        }
        else if (type == long.class)
        {
            out.writeLong((Long)value);
        }
        else if (type == boolean.class)
        {
            out.writeBoolean((Boolean)value);
        }
        else if (type == double.class)
        {
            out.writeDouble((Double)value);
        }
        else
        {
            throw new IllegalArgumentException("cannot write a " + type);
        }
    }

    private static Object readPrimitive(final DataInput in, final Class<?> type) throws IOException
    {
        if (type == int.class)
        {
            return in.readInt();
        }
        if (type == long.class)
        {
            return in.readLong();
        }
        if (type == boolean.class)
        {
            return in.readBoolean();
        }
        if (type == double.class)
        {
            return in.readDouble();
        }
        throw new IllegalArgumentException("cannot read a " + type);
    }

    /** Length and UTF-8 bytes: {@code writeUTF} stops at 64 KiB, and a device's options may be longer. */
    private static void writeString(final DataOutput out, final String value) throws IOException
    {
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(final DataInput in) throws IOException
    {
        final byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Class<?> unboxed(final Class<?> box)
    {
        return box == Integer.class ? int.class : box == Long.class ? long.class : box == Boolean.class ? boolean.class : double.class;
    }

    private static Class<?> raw(final Type type)
    {
        if (type instanceof Class<?> c)
        {
            return c;
        }
        if (type instanceof ParameterizedType p)
        {
            return (Class<?>)p.getRawType();
        }
        throw new IllegalArgumentException("cannot handle the type " + type);
    }

    private static Type argument(final Type type, final int index)
    {
        if (type instanceof ParameterizedType p)
        {
            return p.getActualTypeArguments()[index];
        }
        throw new IllegalArgumentException("a " + type + " without its element types");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(final Class<?> type, final String name)
    {
        return Enum.valueOf((Class<? extends Enum>)type, name);
    }

    private static Object get(final RecordComponent component, final Object record)
    {
        try
        {
            return component.getAccessor().invoke(record);
        }
        catch (final IllegalAccessException | InvocationTargetException e)
        {
            throw new IllegalStateException("cannot read " + component + " of " + record.getClass().getName(), e);
        }
    }

    private static Object construct(final Class<?> type, final Class<?>[] types, final Object[] values) throws IOException
    {
        try
        {
            final Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        }
        catch (final InvocationTargetException e)
        {
            throw new IOException("bad " + type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        }
        catch (final ReflectiveOperationException e)
        {
            throw new IllegalStateException("cannot construct a " + type.getName(), e);
        }
    }
}
