/** The product report: every license of the book as CSV or as an Excel workbook, in the reseller's language. */
@NullMarked
package dev.esetshop.sdk.report;

import org.jspecify.annotations.NullMarked;
