/** SMS alphabets and segment counting (GSM 03.38 7-bit, UCS-2), shared by template previews and the SMPP channel. */
package vestnik.templates.sms;
