/** The product report: every license of the book as CSV or as an Excel workbook, in the reseller's language. */
package dev.esetshop.sdk.report;
