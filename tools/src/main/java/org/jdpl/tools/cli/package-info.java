/** The dpl subcommands, one class each, and what they share (exit codes, error handling). */
package org.jdpl.tools.cli;
