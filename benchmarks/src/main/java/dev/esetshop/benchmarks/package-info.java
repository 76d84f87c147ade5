/** JMH benchmarks of eset-shop, each side by side with a floor. */
package dev.esetshop.benchmarks;
