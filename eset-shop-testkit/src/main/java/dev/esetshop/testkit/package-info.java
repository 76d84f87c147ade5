/** {@code EsetSandbox}: an in-process server of ESET's partner API protocol on a loopback port, with faults. */
package dev.esetshop.testkit;
