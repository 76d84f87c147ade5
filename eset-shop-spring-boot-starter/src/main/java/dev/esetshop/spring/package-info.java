/**
 * The Spring Boot starter of the ESET license shop: {@link dev.esetshop.spring.EsetShopAutoConfiguration} builds
 * every reseller's shop ({@code EsetShops}) on the host's {@code ResellerDirectory}, with its timers, health and
 * metrics, from the {@code eset.shop.*} properties and the host's customizer beans.
 */
@NullMarked
package dev.esetshop.spring;

import org.jspecify.annotations.NullMarked;
