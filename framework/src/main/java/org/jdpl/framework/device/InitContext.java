package org.jdpl.framework.device;

/** Given to {@link Device#init}. */
public interface InitContext
{
    DeviceInfo info();

    Options options();

    Metrics metrics();
}
