/**
 * Robocalls (IVR, "автоинформатор") through Asterisk ARI: {@code type: ari}.
 *
 * <h2>How a call goes</h2>
 * <ol>
 * <li>{@link vestnik.channels.ari.AriChannel#send} takes a line (at most {@code maxChannels} at once), picks a
 *     caller id from the {@link vestnik.channels.ari.CallerIdPool}, and originates
 *     {@code POST /ari/channels?endpoint=PJSIP/<digits>@trunk&app=<app>&callerId=..&timeout=<ringTimeout>&channelId=vn-<uuid>}
 *     with {@code {"variables":{"CALLERID(name)":<callerName>,"GW_MESSAGE_ID":<message id>}}}. Asterisk's 200
 *     makes the send {@code Accepted(<channel id>)}; the message is then {@code sent}.</li>
 * <li>Originating with {@code app} subscribes the application to the channel, so an unanswered call still
 *     reports its {@code ChannelDestroyed} (cause 17 busy, 18/19/20 no answer, 21 rejected, others failed:
 *     {@link vestnik.channels.ari.HangupCauses}).</li>
 * <li>On answer ({@code StasisStart}) and with {@code amd} configured, the call is continued into that
 *     dialplan context, which must run {@code AMD()} and return the call with its verdict, as in
 *     asterisk-amd-dialplan.conf:
 *     <pre>
 * [amd-then-ari]
 * exten => s,1,Answer()
 *  same => n,AMD()
 *  same => n,Set(GW_AMD=${AMDSTATUS}:${AMDCAUSE})
 *  same => n,Stasis(ivr-gw,amd=${AMDSTATUS})
 *  same => n,Hangup()</pre>
 *     The verdict is read from the {@code amd=} argument and from {@code ChannelVarset} of {@code AMDSTATUS},
 *     {@code AMDCAUSE} or {@code GW_AMD}, whichever arrives. MACHINE: the {@code machineMessage} is played
 *     (or nothing) and the call hung up. HUMAN, NOTSURE, or no detector: the script plays.</li>
 * <li>The script ({@link vestnik.channels.ari.IvrScript} of the message, else the text through
 *     {@code ttsUrlTemplate}, e.g. {@code sound:https://tts.local/say?text={text}}, which Asterisk fetches
 *     through its HTTP media cache) plays as one playback; keys ({@code ChannelDtmfReceived}) act on the
 *     menu: OPERATOR continues the call into the {@code operator} context, PAID / CALLBACK / OPT_OUT play
 *     the {@code goodbye} and hang up, REPEAT plays again (up to {@code maxPlays}). After the script the
 *     robot waits {@code menuTimeout} for a key, then hangs up.</li>
 * <li>{@code ChannelDestroyed} ends the call: a {@link vestnik.channels.spi.InboundEvent.CallOutcome} goes to
 *     the sink (result, Q.850 cause and text, talk time from answer to hangup, keys, raw AMD status and cause,
 *     caller id). Each key the menu maps was already handed over as an
 *     {@link vestnik.channels.spi.InboundEvent.InboundMessage} with attributes {@code dtmf} and {@code action},
 *     {@code inReplyToProviderId} = the call's id, and the action's Russian sentence as its text; OPT_OUT
 *     also hands over an {@link vestnik.channels.spi.InboundEvent.OptOut}.</li>
 * </ol>
 *
 * <h2>Operating notes</h2>
 * <ul>
 * <li>ARI allows one event socket per application name: with several gateway instances, give each its own
 *     {@code app} (and route the dialplan's {@code Stasis()} accordingly). A replaced socket is logged as an
 *     error and taken back after {@code reconnectMax}.</li>
 * <li>{@code rate} (calls per second) is applied by the gateway's shared limiter; {@code maxChannels}, the
 *     open calls, is counted per instance.</li>
 * <li>Caller-id health and open calls live in the instance's memory: after a restart health starts afresh,
 *     and calls that were open are not reported (they were hung up on stop).</li>
 * <li>Logs show phones masked ({@code Mask.phone}) and caller ids by their last four digits; the spoken text
 *     and TTS URLs are never logged.</li>
 * </ul>
 */
package vestnik.channels.ari;
