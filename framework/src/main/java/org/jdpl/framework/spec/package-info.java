/**
 * The data model: {@link org.jdpl.framework.spec.DataSpec} (what a message is),
 * {@link org.jdpl.framework.spec.DataMatcher} (what an input accepts), labels and
 * {@link org.jdpl.framework.spec.Lifetime}s, and the parser of their string forms.
 */
package org.jdpl.framework.spec;
