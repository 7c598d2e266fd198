// Restarting the server keeps users, sessions and the signing key; mail goes through a real SMTP server.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { Browser, DATABASES, PASSWORD, jwtPayload, signUp, startTestServer, uniqueEmail, verifiesWith } from '../support/server-harness.ts';

for (const db of DATABASES) {
  describe(`restart (${db})`, () => {
    test('users, sessions and keys survive a restart; old tokens verify against the new JWKS', async () => {
      const server = await startTestServer(db);
      try {
        const { browser, email, sessionId, userId } = await signUp(server);
        const before = await browser.post(`/v1/client/sessions/${sessionId}/tokens`);
        const jwksBefore = (await browser.get('/.well-known/jwks.json')).body.keys;
        const key = server.publishableKey;
        await server.restart();
        assert.equal(server.publishableKey, key);
        const jwksAfter = (await browser.get('/.well-known/jwks.json')).body.keys;
        assert.deepEqual(jwksAfter, jwksBefore, 'the signing key came from the database');
        assert.ok(verifiesWith(before.body.jwt, jwksAfter));
        const client = await browser.get('/v1/client');
        assert.equal(client.body.response.sessions[0].id, sessionId, 'the session survived');
        const after = await browser.post(`/v1/client/sessions/${sessionId}/tokens`);
        assert.equal(jwtPayload(after.body.jwt).sub, userId);
        const login = await new Browser(server).post('/v1/client/sign_ins', { identifier: email, password: PASSWORD, strategy: 'password' });
        assert.equal(login.body.response.status, 'complete');
      } finally {
        await server.stop();
      }
    });
  });
}

describe('configuration', () => {
  test('a config file sets identifiers, password rules and sign-up mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clerk-wc-config-'));
    const file = join(dir, 'clerk-wc.config.json');
    writeFileSync(
      file,
      JSON.stringify({
        applicationName: 'Acme',
        attributes: { username: 'required', first_name: 'off' },
        password: { minLength: 12 },
        singleSessionMode: false,
      }),
    );
    const server = await startTestServer('sqlite', { CLERK_WC_CONFIG: file });
    try {
      const b = new Browser(server);
      const env = (await b.get('/v1/environment')).body;
      assert.equal(env.display_config.application_name, 'Acme');
      assert.equal(env.user_settings.attributes.username.required, true);
      assert.equal(env.user_settings.attributes.first_name.enabled, false);
      assert.equal(env.user_settings.password_settings.min_length, 12);
      assert.equal(env.auth_config.single_session_mode, false);
      const su = await b.post('/v1/client/sign_ups', { email_address: uniqueEmail(), password: 'short-pass1' });
      assert.equal(su.body.errors[0].code, 'form_password_length_too_short');
      const off = await b.post('/v1/client/sign_ups', { email_address: uniqueEmail(), first_name: 'X' });
      assert.equal(off.body.errors[0].code, 'form_param_unknown');
      const ok = await b.post('/v1/client/sign_ups', { email_address: uniqueEmail(), password: PASSWORD });
      assert.deepEqual(ok.body.response.missing_fields, ['username']);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a bad config value stops the server with a readable message', async () => {
    await assert.rejects(startTestServer('sqlite', { SIGN_UP_MODE: 'everyone' }), /SIGN_UP_MODE must be one of public, restricted, waitlist/);
  });
});

describe('mail over SMTP', () => {
  test('codes reach a real SMTP server and the outbox', async () => {
    const received: Array<{ to: string; data: string }> = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as { port: number }).port;
    const server = await startTestServer('sqlite', { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Acme <auth@acme.test>' });
    try {
      const email = uniqueEmail('smtp');
      const b = new Browser(server);
      const su = (await b.post('/v1/client/sign_ups', { email_address: email, password: PASSWORD })).body.response.id;
      await b.post(`/v1/client/sign_ups/${su}/prepare_verification`, { strategy: 'email_code' });
      assert.equal(received.length, 1);
      assert.equal(received[0]!.to, email);
      const code = /\b(\d{6})\b/.exec(received[0]!.data)?.[1];
      assert.ok(code, 'the mail carries a 6-digit code');
      assert.match(received[0]!.data, /From: Acme <auth@acme.test>/);
      const done = await b.post(`/v1/client/sign_ups/${su}/attempt_verification`, { strategy: 'email_code', code });
      assert.equal(done.body.response.status, 'complete');
    } finally {
      await server.stop();
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
});
