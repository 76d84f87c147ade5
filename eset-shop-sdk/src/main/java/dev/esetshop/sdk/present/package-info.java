/**
 * How the shop shows its values to a person: {@link dev.esetshop.sdk.present.ShopPresentation} formats money, dates,
 * instants, months and counts for a locale and a zone, and labels every license state, operation, partner level,
 * violation, order state, action, discount programme and product, in English, German and French. Web pages, the
 * command line, the e-mails and the report all use it, so the shop says one thing one way.
 */
@NullMarked
package dev.esetshop.sdk.present;

import org.jspecify.annotations.NullMarked;
