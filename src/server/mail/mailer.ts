// Outbound mail: every message goes to the outbox table and the console; SMTP too when configured.
import type { Transporter } from 'nodemailer';
import type { Db } from '../store/db.js';
import { newId } from '../crypto/ids.js';
import { insertOutboxMessage } from '../store/outbox.js';
import { log } from '../log.js';

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export class Mailer {
  private transport: Promise<Transporter> | undefined;

  constructor(
    private readonly db: Db,
    private readonly opts: { smtpUrl: string | undefined; from: string; log: boolean },
  ) {}

  async send(msg: Message): Promise<void> {
    await insertOutboxMessage(this.db, { id: newId('msg'), to_address: msg.to, subject: msg.subject, body: msg.text, created_at: Date.now() });
    // The message itself (its code or link) stays in the outbox: the log says only that it was sent.
    if (this.opts.log) log.info({ to: msg.to, subject: msg.subject }, 'mail: queued in the outbox');
    if (!this.opts.smtpUrl) return;
    this.transport ??= import('nodemailer').then((m) => m.default.createTransport(this.opts.smtpUrl));
    try {
      await (await this.transport).sendMail({ from: this.opts.from, to: msg.to, subject: msg.subject, text: msg.text });
    } catch (e) {
      // The outbox keeps the message; a broken SMTP relay must not fail the user's request.
      log.error({ to: msg.to, error: (e as Error).message }, 'mail: SMTP delivery failed');
    }
  }
}
