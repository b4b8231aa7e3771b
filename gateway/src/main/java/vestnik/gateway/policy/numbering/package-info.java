/**
 * The Russian numbering plan (Minцифры / formerly Rossvyaz open data {@code ABC-3xx.csv}, {@code ABC-4xx.csv},
 * {@code ABC-8xx.csv}, {@code DEF-9xx.csv}; regulation.md §5.3): a reader for the 6-, 7- and 8-column layouts in
 * UTF-8 or windows-1251, and an immutable sorted range index. Loading and swapping a new upload is the caller's
 * job; a file that is not a range file is refused so that it cannot replace a good plan.
 */
package vestnik.gateway.policy.numbering;
