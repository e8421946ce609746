/** The device catalog: device types found with ServiceLoader, with their option defaults. */
package org.jdpl.framework.catalog;
