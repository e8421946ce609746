package org.jdpl.gpu.cuda;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

import org.jdpl.gpu.GpuException;

/** Finding a shared library by one of its names, and binding its functions. */
final class NativeLibraries
{
    private NativeLibraries()
    {
    }

    /**
     * The first of {@code names} the dynamic linker finds, or empty.
     *
     * @throws GpuException when native access is disabled for this code
     */
    static Optional<SymbolLookup> find(final List<String> names)
    {
        for (final String name : names)
        {
            try
            {
                return Optional.of(SymbolLookup.libraryLookup(name, Arena.global()));
            }
            catch (final IllegalArgumentException e)
            {
                // Not under this name: try the next.
            }
            catch (final IllegalCallerException e)
            {
                throw new GpuException("native access is disabled: run the JVM with --enable-native-access=ALL-UNNAMED");
            }
        }
        return Optional.empty();
    }

    static MethodHandle bind(final SymbolLookup lookup, final String library, final String name, final FunctionDescriptor descriptor)
    {
        return lookup.find(name)
            .map(symbol -> Linker.nativeLinker().downcallHandle(symbol, descriptor))
            .orElseThrow(() -> new GpuException(library + " has no symbol " + name + "; the installed driver is too old"));
    }

    /** Turns what a downcall threw into an unchecked exception; downcalls throw only errors. */
    static GpuException failed(final String call, final Throwable t)
    {
        if (t instanceof final GpuException e)
        {
            return e;
        }
        if (t instanceof final Error e)
        {
            throw e;
        }
        return new GpuException(call + " could not be called: " + t, t);
    }
}
