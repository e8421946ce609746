package org.jdpl.gpu.opencl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import org.jdpl.gpu.GpuException;

/**
 * The OpenCL calls a timeframe makes (sub-buffers, copies, kernel arguments, launches, releases)
 * for one thread, typed and checked: a failure becomes a {@link GpuException} naming the call and
 * the error. Handles are called directly with out-parameters in scratch memory allocated once, and
 * messages are built only on failure, so these calls allocate nothing. Start-up calls are in
 * {@link #setup}.
 */
final class ClCalls
{
    private static final long CL_MEM_READ_WRITE = 1L;
    private static final int CL_BUFFER_CREATE_TYPE_REGION = 0x1220;
    private static final int CL_PROFILING_COMMAND_START = 0x1282;
    private static final int CL_PROFILING_COMMAND_END = 0x1283;
    private static final int CL_TRUE = 1;

    /** Discovery, contexts, queues, buffers, programs: the calls made once. */
    final ClSetupCalls setup;

    private final OpenClLibrary cl;
    private final MemorySegment errcode;
    private final MemorySegment argValue;
    private final MemorySegment region;
    private final MemorySegment globalSize;
    private final MemorySegment localSize;
    private final MemorySegment event;
    private final MemorySegment timestamp;

    /** Scratch memory comes from {@code arena}, which must outlive this object. */
    ClCalls(final OpenClLibrary cl, final Arena arena)
    {
        this.cl = cl;
        this.setup = new ClSetupCalls(cl, arena);
        errcode = arena.allocate(JAVA_INT);
        argValue = arena.allocate(JAVA_LONG);
        region = arena.allocate(2 * JAVA_LONG.byteSize(), JAVA_LONG.byteAlignment());
        globalSize = arena.allocate(JAVA_LONG);
        localSize = arena.allocate(JAVA_LONG);
        event = arena.allocate(ADDRESS);
        timestamp = arena.allocate(JAVA_LONG);
    }


    MemorySegment createSubBuffer(final MemorySegment buffer, final long offsetBytes, final long sizeBytes)
    {
        region.set(JAVA_LONG, 0, offsetBytes);
        region.set(JAVA_LONG, JAVA_LONG.byteSize(), sizeBytes);
        errcode.set(JAVA_INT, 0, ClError.CL_SUCCESS);
        final MemorySegment slice;
        try
        {
            slice = (MemorySegment)cl.clCreateSubBuffer.invokeExact(buffer, CL_MEM_READ_WRITE, CL_BUFFER_CREATE_TYPE_REGION, region, errcode);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clCreateSubBuffer", t);
        }
        if (errcode.get(JAVA_INT, 0) != ClError.CL_SUCCESS)
        {
            throw ClError.failure(errcode.get(JAVA_INT, 0), "clCreateSubBuffer", "slicing " + sizeBytes + " bytes at offset " + offsetBytes);
        }
        return slice;
    }

    void write(final MemorySegment queue, final MemorySegment buffer, final long offsetBytes, final MemorySegment source)
    {
        final int code;
        try
        {
            code = (int)cl.clEnqueueWriteBuffer.invokeExact(queue, buffer, CL_TRUE, offsetBytes, source.byteSize(), source, 0,
                MemorySegment.NULL, MemorySegment.NULL);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clEnqueueWriteBuffer", t);
        }
        if (code != ClError.CL_SUCCESS)
        {
            throw ClError.failure(code, "clEnqueueWriteBuffer", "copying " + source.byteSize() + " bytes to the GPU at offset " + offsetBytes);
        }
    }

    void read(final MemorySegment queue, final MemorySegment buffer, final long offsetBytes, final MemorySegment target)
    {
        final int code;
        try
        {
            code = (int)cl.clEnqueueReadBuffer.invokeExact(queue, buffer, CL_TRUE, offsetBytes, target.byteSize(), target, 0,
                MemorySegment.NULL, MemorySegment.NULL);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clEnqueueReadBuffer", t);
        }
        if (code != ClError.CL_SUCCESS)
        {
            throw ClError.failure(code, "clEnqueueReadBuffer", "copying " + target.byteSize() + " bytes from the GPU at offset " + offsetBytes);
        }
    }

    void setArg(final MemorySegment kernel, final String kernelName, final int index, final MemorySegment buffer)
    {
        argValue.set(ADDRESS, 0, buffer);
        setArg(kernel, kernelName, index, ADDRESS.byteSize());
    }

    void setArg(final MemorySegment kernel, final String kernelName, final int index, final int value)
    {
        argValue.set(JAVA_INT, 0, value);
        setArg(kernel, kernelName, index, JAVA_INT.byteSize());
    }

    void setArg(final MemorySegment kernel, final String kernelName, final int index, final float value)
    {
        argValue.set(JAVA_FLOAT, 0, value);
        setArg(kernel, kernelName, index, JAVA_FLOAT.byteSize());
    }

    private void setArg(final MemorySegment kernel, final String kernelName, final int index, final long sizeBytes)
    {
        final int code;
        try
        {
            code = (int)cl.clSetKernelArg.invokeExact(kernel, index, sizeBytes, argValue);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clSetKernelArg", t);
        }
        if (code != ClError.CL_SUCCESS)
        {
            throw ClError.failure(code, "clSetKernelArg", "setting argument " + index + " of kernel '" + kernelName + "'");
        }
    }

    /**
     * Enqueues a 1-D launch; with {@code timed}, waits for it and returns its device time in ns
     * from the launch's event, else returns 0 at once.
     */
    long launch(final MemorySegment queue, final MemorySegment kernel, final String kernelName, final long global, final long local,
        final boolean timed)
    {
        final long rounded = local > 0 ? (global + local - 1) / local * local : global;
        globalSize.set(JAVA_LONG, 0, Math.max(rounded, 1));
        localSize.set(JAVA_LONG, 0, local);
        final MemorySegment locals = local > 0 ? localSize : MemorySegment.NULL;
        final MemorySegment eventOut = timed ? event : MemorySegment.NULL;
        final int code;
        try
        {
            code = (int)cl.clEnqueueNDRangeKernel.invokeExact(queue, kernel, 1, MemorySegment.NULL, globalSize, locals, 0,
                MemorySegment.NULL, eventOut);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clEnqueueNDRangeKernel", t);
        }
        if (code != ClError.CL_SUCCESS)
        {
            throw ClError.failure(code, "clEnqueueNDRangeKernel", "launching kernel '" + kernelName + "' over " + global + " work items");
        }
        if (!timed)
        {
            return 0;
        }
        final long launched = event.get(JAVA_LONG, 0);
        try
        {
            final int waited;
            try
            {
                waited = (int)cl.clWaitForEvents.invokeExact(1, event);
            }
            catch (final Throwable t)
            {
                throw OpenClLibrary.failed("clWaitForEvents", t);
            }
            if (waited != ClError.CL_SUCCESS)
            {
                throw ClError.failure(waited, "clWaitForEvents", "waiting for kernel '" + kernelName + "'");
            }
            return profile(launched, CL_PROFILING_COMMAND_END) - profile(launched, CL_PROFILING_COMMAND_START);
        }
        finally
        {
            releaseEvent(launched);
        }
    }

    void finish(final MemorySegment queue)
    {
        final int code;
        try
        {
            code = (int)cl.clFinish.invokeExact(queue);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clFinish", t);
        }
        if (code != ClError.CL_SUCCESS)
        {
            throw ClError.failure(code, "clFinish", "waiting for the GPU queue");
        }
    }

    void releaseMem(final MemorySegment handle)
    {
        release(cl.clReleaseMemObject, "clReleaseMemObject", handle);
    }

    void releaseKernel(final MemorySegment handle)
    {
        release(cl.clReleaseKernel, "clReleaseKernel", handle);
    }

    void releaseProgram(final MemorySegment handle)
    {
        release(cl.clReleaseProgram, "clReleaseProgram", handle);
    }

    void releaseQueue(final MemorySegment handle)
    {
        release(cl.clReleaseCommandQueue, "clReleaseCommandQueue", handle);
    }

    void releaseContext(final MemorySegment handle)
    {
        release(cl.clReleaseContext, "clReleaseContext", handle);
    }

    private void releaseEvent(final long launched)
    {
        final int code;
        try
        {
            code = (int)cl.clReleaseEvent.invokeExact(launched);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clReleaseEvent", t);
        }
        if (code != ClError.CL_SUCCESS)
        {
            throw ClError.failure(code, "clReleaseEvent", "releasing a kernel's event");
        }
    }

    private long profile(final long launched, final int param)
    {
        final int code;
        try
        {
            code = (int)cl.clGetEventProfilingInfo.invokeExact(launched, param, JAVA_LONG.byteSize(), timestamp, MemorySegment.NULL);
        }
        catch (final Throwable t)
        {
            throw OpenClLibrary.failed("clGetEventProfilingInfo", t);
        }
        if (code != ClError.CL_SUCCESS)
        {
            throw ClError.failure(code, "clGetEventProfilingInfo", "reading a kernel's timing");
        }
        return timestamp.get(JAVA_LONG, 0);
    }

    private void release(final MethodHandle releaser, final String call, final MemorySegment handle)
    {
        if (!handle.equals(MemorySegment.NULL))
        {
            final int code;
            try
            {
                code = (int)releaser.invokeExact(handle);
            }
            catch (final Throwable t)
            {
                throw OpenClLibrary.failed(call, t);
            }
            if (code != ClError.CL_SUCCESS)
            {
                throw ClError.failure(code, call, "releasing an OpenCL object");
            }
        }
    }
}
