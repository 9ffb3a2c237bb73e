// oidc-provider (a certified OpenID Provider, written by others) on loopback, for OAuthGen's interop tests.
// TEST-ONLY: fixed secrets, committed keys, a user who is logged in without a password. Never expose it.
//
//   node oidc.js [port]        (port 0 or none: the system chooses; the READY line says which)
//
// Prints `READY http://127.0.0.1:PORT` (the issuer) once it answers, then one line per request.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Provider, { errors } from 'oidc-provider';
import { portFromArgs, readBody, sendJson, serve } from './common.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const TEST_USER = 'alice';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const REDIRECT_URI = 'http://127.0.0.1/callback';

// Claims of exchanged tokens (sub, act), handed to extraTokenClaims when the token is saved.
const exchangeClaims = new WeakMap();

// The public half of a committed test key, as a JWK with a fixed kid.
function publicJwk(file, kid) {
  const pem = fs.readFileSync(path.join(here, 'keys', file), 'utf8');
  const jwk = crypto.createPublicKey(pem).export({ format: 'jwk' });
  return { ...jwk, kid, use: 'sig' };
}

const clients = [
  // client credentials, one per client authentication method
  {
    client_id: 'cc-basic',
    client_secret: 'cc-basic-secret',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'api:read api:write',
  },
  {
    client_id: 'cc-post',
    client_secret: 'cc-post-secret',
    token_endpoint_auth_method: 'client_secret_post',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'api:read api:write',
  },
  {
    client_id: 'cc-jwt-rsa',
    token_endpoint_auth_method: 'private_key_jwt',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'api:read api:write',
    jwks: { keys: [publicJwk('test-only-cc-jwt-rsa.pem', 'cc-jwt-rsa-1')] },
  },
  {
    client_id: 'cc-jwt-ec',
    token_endpoint_auth_method: 'private_key_jwt',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'api:read api:write',
    jwks: { keys: [publicJwk('test-only-cc-jwt-ec.pem', 'cc-jwt-ec-1')] },
  },
  {
    client_id: 'cc-secret-jwt',
    // The HMAC key of client_secret_jwt: 32 bytes or more for HS256.
    client_secret: 'cc-secret-jwt-secret-0123456789abcdef',
    token_endpoint_auth_method: 'client_secret_jwt',
    token_endpoint_auth_signing_alg: 'HS256',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: 'api:read api:write',
  },
  // authorization code + PKCE, a confidential and a public client
  {
    client_id: 'web',
    client_secret: 'web-secret',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [REDIRECT_URI],
  },
  {
    client_id: 'spa',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [REDIRECT_URI],
  },
  // the device authorization grant (RFC 8628), a public client
  {
    client_id: 'device',
    token_endpoint_auth_method: 'none',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    response_types: [],
    redirect_uris: [],
  },
  // token exchange (RFC 8693), registered below with provider.registerGrantType
  {
    client_id: 'exchange',
    client_secret: 'exchange-secret',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: [TOKEN_EXCHANGE],
    response_types: [],
    redirect_uris: [],
    scope: 'api:read api:write',
  },
];

function createProvider(issuer) {
  const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [{ ...signingKey, kid: 'idtoken-1', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-only-cookie-key-do-not-reuse'] },
    scopes: ['openid', 'offline_access', 'profile', 'api:read', 'api:write'],
    claims: { openid: ['sub'], profile: ['name'] },
    async findAccount(ctx, id) {
      if (id !== TEST_USER) {
        return undefined;
      }
      return { accountId: id, async claims() { return { sub: id, name: 'Alice Liddell' }; } };
    },
    features: {
      devInteractions: { enabled: false }, // interactions are answered by /interaction/:uid below
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      // resourceIndicators stays as by default (enabled, no default resource): tokens are opaque, without aud.
    },
    pkce: { required: () => true }, // every authorization request must carry an S256 code challenge
    // A refresh token for every client allowed the grant, without offline_access and prompt=consent.
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true, // every refresh returns a new refresh token; the old one is consumed
    expiresWithSession: async () => false,
    extraTokenClaims: async (ctx, token) => exchangeClaims.get(token),
    ttl: {
      AccessToken: 3600,
      ClientCredentials: 600,
      AuthorizationCode: 60,
      DeviceCode: 600,
      Grant: 86400,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 86400,
      Session: 86400,
    },
  });
  provider.proxy = false;

  // RFC 8693: exchange an access token of this server for a new one (impersonation semantics, `act` recorded).
  provider.registerGrantType(TOKEN_EXCHANGE, tokenExchange(provider), [
    'subject_token', 'subject_token_type', 'actor_token', 'actor_token_type',
    'audience', 'resource', 'scope', 'requested_token_type',
  ], ['audience', 'resource']);

  // RFC 8628 §3.2: interval is optional (5 s when absent); one second keeps the tests short.
  provider.on('device_authorization.success', (ctx, body) => {
    body.interval = 1;
  });

  for (const event of [
    'server_error', 'grant.error', 'authorization.error', 'introspection.error', 'revocation.error',
    'device_authorization.error', 'backchannel.error', 'discovery.error', 'end_session.error', 'userinfo.error',
  ]) {
    provider.on(event, (ctx, err) => {
      const client = ctx?.oidc?.client?.clientId ?? '-';
      console.log(`oidc: ${event} client=${client} ${err?.error ?? err?.name}: ${err?.error_description ?? err?.message}${err?.error_detail ? ` (${err.error_detail})` : ''}`);
    });
  }
  provider.on('grant.success', (ctx) => {
    console.log(`oidc: grant.success client=${ctx.oidc.client?.clientId} grant_type=${ctx.oidc.params?.grant_type}`);
  });

  return provider;
}

// Finds an access token of this server (user or client credentials), or undefined when unknown, expired or revoked.
async function findAccessToken(provider, value) {
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  const token = await provider.AccessToken.find(value) ?? await provider.ClientCredentials.find(value);
  return token?.isValid ? token : undefined;
}

function tokenExchange(provider) {
  return async function tokenExchangeHandler(ctx) {
    const { client, params } = ctx.oidc;
    for (const name of ['subject_token', 'subject_token_type']) {
      if (!params[name]) {
        throw new errors.InvalidRequest(`missing required parameter '${name}'`);
      }
    }
    if (params.subject_token_type !== ACCESS_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`unsupported subject_token_type: this server exchanges ${ACCESS_TOKEN_TYPE}`);
    }
    if (params.requested_token_type && params.requested_token_type !== ACCESS_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`unsupported requested_token_type: this server issues ${ACCESS_TOKEN_TYPE}`);
    }
    if (!params.actor_token !== !params.actor_token_type) {
      throw new errors.InvalidRequest('actor_token and actor_token_type go together');
    }

    const subject = await findAccessToken(provider, params.subject_token);
    if (!subject) {
      throw new errors.InvalidGrant('subject_token is invalid, expired or revoked');
    }
    let actor;
    if (params.actor_token) {
      if (params.actor_token_type !== ACCESS_TOKEN_TYPE) {
        throw new errors.InvalidRequest(`unsupported actor_token_type: this server accepts ${ACCESS_TOKEN_TYPE}`);
      }
      actor = await findAccessToken(provider, params.actor_token);
      if (!actor) {
        throw new errors.InvalidGrant('actor_token is invalid, expired or revoked');
      }
    }

    // The new token never carries more than the subject token held.
    const held = new Set((subject.scope ?? '').split(' ').filter(Boolean));
    const wanted = params.scope ? params.scope.split(' ').filter(Boolean) : [...held];
    const excess = wanted.filter((scope) => !held.has(scope));
    if (excess.length) {
      throw new errors.InvalidScope('requested scope exceeds the subject token\'s', excess.join(' '));
    }

    const audiences = [params.audience, params.resource].flat().filter(Boolean);
    const token = new provider.ClientCredentials({
      client,
      scope: wanted.join(' ') || undefined,
    });
    // Shown by introspection: whom the token is about, who acts (RFC 8693 §4.1), and the subject token's client.
    exchangeClaims.set(token, {
      sub: subject.accountId ?? subject.clientId,
      act: { sub: actor ? (actor.accountId ?? actor.clientId) : client.clientId },
      subject_client_id: subject.clientId,
    });
    if (audiences.length) {
      token.setAudience(audiences); // one audience at most, as oidc-provider's tokens carry
    }
    ctx.oidc.entity('ClientCredentials', token);
    const value = await token.save();

    ctx.body = {
      access_token: value,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: token.tokenType,
      expires_in: token.expiration,
      scope: token.scope,
    };
  };
}

// Answers every interaction without a browser: the login prompt logs in the test user, the consent prompt grants
// everything that was asked. oidc-provider then redirects back to the authorization (or device) flow.
async function interaction(provider, req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session, grantId } = details;
  let result;
  if (prompt.name === 'login') {
    result = { login: { accountId: TEST_USER } };
  } else if (prompt.name === 'consent') {
    const grant = grantId
      ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = prompt.details;
    if (missingOIDCScope) {
      grant.addOIDCScope(missingOIDCScope.join(' '));
    }
    if (missingOIDCClaims) {
      grant.addOIDCClaims(missingOIDCClaims);
    }
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    result = { consent: { grantId: await grant.save() } };
  } else {
    result = { error: 'access_denied', error_description: `the test server does not answer the ${prompt.name} prompt` };
  }
  console.log(`oidc: interaction ${prompt.name} for client=${params.client_id} answered`);
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

// TEST-ONLY: the user approves (or denies) a pending device authorization by its user code, as if they had
// entered it at the verification URI and logged in. POST form: user_code=XXXX-XXXX[&deny=true].
async function decideDeviceCode(provider, req, res) {
  const form = new URLSearchParams(await readBody(req));
  const userCode = (form.get('user_code') ?? '').toUpperCase().replace(/\W/g, '');
  const code = userCode ? await provider.DeviceCode.findByUserCode(userCode, { ignoreExpiration: true }) : undefined;
  if (!code) {
    return sendJson(res, 404, { error: 'not_found', error_description: 'no device authorization with this user code' });
  }
  if (code.isExpired || code.accountId || code.error) {
    return sendJson(res, 409, { error: 'already_used', error_description: 'the device authorization is expired or already decided' });
  }

  if (form.get('deny') === 'true') {
    Object.assign(code, { error: 'access_denied', errorDescription: 'End-User denied the device authorization' });
  } else {
    const scope = code.params?.scope ?? '';
    const grant = new provider.Grant({ accountId: TEST_USER, clientId: code.clientId });
    if (scope) {
      grant.addOIDCScope(scope);
    }
    Object.assign(code, {
      accountId: TEST_USER,
      authTime: Math.floor(Date.now() / 1000),
      grantId: await grant.save(),
      scope: scope || undefined,
    });
  }
  await code.save();
  console.log(`oidc: device code for client=${code.clientId} ${code.error ? 'denied' : 'approved'}`);
  return sendJson(res, 200, { client_id: code.clientId, approved: !code.error });
}

const port = portFromArgs();
await serve('oidc', port, (issuer) => {
  const provider = createProvider(issuer);
  const callback = provider.callback();
  return async (req, res) => {
    const { pathname } = new URL(req.url, issuer);
    if (req.method === 'GET' && pathname.startsWith('/interaction/')) {
      return interaction(provider, req, res);
    }
    if (req.method === 'POST' && pathname === '/__test/device/decide') {
      return decideDeviceCode(provider, req, res);
    }
    return callback(req, res);
  };
});
