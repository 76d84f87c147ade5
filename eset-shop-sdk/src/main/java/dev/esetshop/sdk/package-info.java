/** {@code EsetShop}: partner status, sync, license book, quotes, exactly-once orders, reports and confirmations. */
package dev.esetshop.sdk;
