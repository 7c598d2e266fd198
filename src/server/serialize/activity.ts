// JSON shape of a session's latest activity (FAPI Client.SessionActivity, BAPI SessionActivityResponse).
import type { SessionTable } from '../store/schema.js';

/**
 * The spec's SessionActivity for a session: what its latest sign-in or touch said about the device (fields it did
 * not say are left out; no geolocation, so never city or country).
 */
export function sessionActivityJson(s: SessionTable) {
  const out: Record<string, string | boolean> = {
    id: `sess_activity_${s.id.replace(/^sess_/, '')}`,
    object: 'session_activity',
    is_mobile: s.activity_is_mobile === 1,
  };
  if (s.activity_browser_name) out.browser_name = s.activity_browser_name;
  if (s.activity_browser_version) out.browser_version = s.activity_browser_version;
  if (s.activity_device_type) out.device_type = s.activity_device_type;
  if (s.activity_ip_address) out.ip_address = s.activity_ip_address;
  return out;
}
