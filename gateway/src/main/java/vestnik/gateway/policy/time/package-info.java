/**
 * Time rules in the debtor's local time: the production calendar ({@code policy/production-calendar.csv}, federal
 * days and transfers for 2025–2027 plus regional holidays, sources in the file), the allowed contact windows
 * ({@code QuietHours}, 08:00–22:00 on working days, 09:00–20:00 on weekends and holidays, and their intersection
 * over several zones when the zone is unknown), and the calendar day / ISO week / month counting windows
 * ({@code CapWindows}) with their stable key suffixes.
 */
package vestnik.gateway.policy.time;
