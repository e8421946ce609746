/** The jdpl command line ({@code dpl}) and terminal UI. */
package org.jdpl.tools;
