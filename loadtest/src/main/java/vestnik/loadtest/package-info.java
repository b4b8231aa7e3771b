/** Provider simulators (SMSC, HTTP messengers) and the load driver; they know the gateway only over the wire. */
package vestnik.loadtest;
