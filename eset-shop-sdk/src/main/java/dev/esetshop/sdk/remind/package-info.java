/**
 * Renewal reminders: the licenses of the book due for a reminder (a window before their expiry), each with its
 * renewal quote, delivered once per license and window to every {@link dev.esetshop.sdk.remind.RenewalReminderListener}
 * through a durable {@link dev.esetshop.sdk.remind.ReminderJournal}.
 */
@NullMarked
package dev.esetshop.sdk.remind;

import org.jspecify.annotations.NullMarked;
