// client: this browser's sessions and its current sign-in and sign-up attempts.
import type { Json } from '../fapi.js';
import { Resource } from './base.js';
import { Session } from './session.js';
import { SignIn } from './sign-in.js';
import { SignUp } from './sign-up.js';

export class Client extends Resource {
  declare sessions: Session[];
  declare signIn: SignIn;
  declare signUp: SignUp;
  declare lastActiveSessionId: string | null;
  declare createdAt: Date;
  declare updatedAt: Date;

  protected override fromJson(json: Json): Json {
    const out = super.fromJson(json);
    out.sessions = ((json.sessions as Json[]) ?? []).map((s) => new Session(this.host, s));
    out.signIn = new SignIn(this.host, (json.sign_in as Json) ?? null);
    out.signUp = new SignUp(this.host, (json.sign_up as Json) ?? null);
    return out;
  }

  /** Sessions that can act now. */
  get activeSessions(): Session[] {
    return this.sessions.filter((s) => s.status === 'active');
  }

  /** clerk-js's name for the same list: the accounts this browser is signed in to (several in multi-session mode). */
  get signedInSessions(): Session[] {
    return this.activeSessions;
  }
}
