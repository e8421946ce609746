/**
 * Testing devices: {@link org.jdpl.framework.testing.DeviceTester} calls one device in-process with
 * the timeslices a test gives it; {@link org.jdpl.framework.testing.TopologyTester} runs a small
 * topology in real processes. Neither needs a test framework: a broken expectation is an
 * {@link java.lang.AssertionError}.
 */
package org.jdpl.framework.testing;
