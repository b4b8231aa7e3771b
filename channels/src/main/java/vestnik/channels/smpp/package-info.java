/**
 * SMS over SMPP v3.4 with jSMPP: binds and re-binds ({@link vestnik.channels.smpp.SmppConnection}), sending with
 * windows and all-or-nothing concatenation ({@link vestnik.channels.smpp.SmppChannel},
 * {@link vestnik.channels.smpp.SmppSubmitter}), receipts and MO messages acknowledged only once stored
 * ({@link vestnik.channels.smpp.SmppReceiver}), and the pure codecs they use.
 */
package vestnik.channels.smpp;
