package dev.esetshop.sdk.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * Immutables' style of a public value whose generated class goes to this package, public here where the module
 * exports nothing: the shop's own code builds it with every generated setter, a host never sees the class. Kept in
 * the source only, so a reader of the public type never meets Immutables' annotations (a compiler without them on
 * its path would warn of every attribute of a style it finds in a class file).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
        packageGenerated = "dev.esetshop.sdk.internal",
        visibility = Value.Style.ImplementationVisibility.PUBLIC,
        builderVisibility = Value.Style.BuilderVisibility.PUBLIC)
public @interface InternalValue {}
