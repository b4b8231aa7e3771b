/**
 * Robocalls through a cloud voice API shaped like MTS Exolve's ({@code type: voice-http}): one
 * {@code POST /call/v1/MakeVoiceMessage} per call, TTS or a prepared voice message, {@code call_id} as the
 * provider id. It reports no call outcome (see {@link vestnik.channels.voicehttp.VoiceHttpChannel}).
 */
package vestnik.channels.voicehttp;
