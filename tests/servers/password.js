// @node-oauth/oauth2-server (written by others) on loopback with an in-memory model: the resource owner password
// grant that oidc-provider does not offer, plus refresh and client credentials. For OAuthGen's interop tests.
// TEST-ONLY: fixed client secret and user password. Never expose it.
//
//   node password.js [port]    (port 0 or none: the system chooses; the READY line says which)
//
// POST /token  the token endpoint (form body; client auth by Basic header or client_id/client_secret in the body)
// GET  /me     a protected resource: 200 with the token's user and scope for a valid bearer token, else 401
import crypto from 'node:crypto';
import OAuth2Server from '@node-oauth/oauth2-server';
import { portFromArgs, readBody, sendJson, serve } from './common.js';

const { Request, Response } = OAuth2Server;

const clients = new Map([
  ['pw-client', {
    id: 'pw-client',
    secret: 'pw-client-secret',
    grants: ['password', 'refresh_token', 'client_credentials'],
    scopes: ['api:read', 'api:write', 'profile'],
    defaultScopes: ['api:read'],
  }],
]);
const users = new Map([['alice', { id: 'alice', username: 'alice', password: 'wonderland' }]]);

const accessTokens = new Map();
const refreshTokens = new Map();

function sameSecret(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const publicClient = (client) => ({ id: client.id, grants: client.grants });

const model = {
  async getClient(clientId, clientSecret) {
    const client = clients.get(clientId);
    if (!client || clientSecret == null || !sameSecret(client.secret, clientSecret)) {
      return null; // the library answers invalid_client
    }
    return publicClient(client);
  },
  async getUser(username, password) {
    const user = users.get(username);
    return user && sameSecret(user.password, password) ? { id: user.id, username: user.username } : null;
  },
  async getUserFromClient(client) {
    return { id: `client:${client.id}` };
  },
  // Scopes the client may have; the client's defaults when none are asked for.
  async validateScope(user, client, scope) {
    const allowed = clients.get(client.id).scopes;
    if (!scope || scope.length === 0) {
      return clients.get(client.id).defaultScopes;
    }
    return scope.every((s) => allowed.includes(s)) ? scope : false;
  },
  async saveToken(token, client, user) {
    const saved = { ...token, client: publicClient(client), user };
    accessTokens.set(token.accessToken, saved);
    if (token.refreshToken) {
      refreshTokens.set(token.refreshToken, saved);
    }
    return saved;
  },
  async getAccessToken(accessToken) {
    return accessTokens.get(accessToken) ?? null;
  },
  async getRefreshToken(refreshToken) {
    return refreshTokens.get(refreshToken) ?? null;
  },
  // Refresh rotation (alwaysIssueNewRefreshToken, the library's default): the used refresh token is deleted.
  async revokeToken(token) {
    return refreshTokens.delete(token.refreshToken);
  },
  async verifyScope(token, scope) {
    return !scope || scope.every((s) => (token.scope ?? []).includes(s));
  },
};

const oauth = new OAuth2Server({
  model,
  accessTokenLifetime: 3600,
  refreshTokenLifetime: 86400,
  alwaysIssueNewRefreshToken: true,
});

function toRequest(req, body) {
  const url = new URL(req.url, 'http://127.0.0.1');
  return new Request({
    method: req.method,
    headers: req.headers,
    query: Object.fromEntries(url.searchParams),
    body,
  });
}

// The library sets the error answer for most failures, but not for a request it rejects before reading it.
function failed(response, err) {
  response.status = Number.isInteger(err.code) ? err.code : 500;
  response.body = { error: err.name ?? 'server_error', error_description: err.message };
}

function send(res, response) {
  const headers = { ...response.headers };
  delete headers['content-type'];
  sendJson(res, response.status, response.body, headers);
}

async function token(req, res) {
  const text = await readBody(req);
  const body = Object.fromEntries(new URLSearchParams(text));
  const response = new Response();
  try {
    await oauth.token(toRequest(req, body), response);
    console.log(`password: grant.success grant_type=${body.grant_type}`);
  } catch (err) {
    console.log(`password: grant.error grant_type=${body.grant_type} ${err.name}: ${err.message}`);
    failed(response, err);
  }
  send(res, response);
}

async function me(req, res) {
  const response = new Response();
  try {
    const found = await oauth.authenticate(toRequest(req, {}), response);
    sendJson(res, 200, { sub: found.user.id, client_id: found.client.id, scope: (found.scope ?? []).join(' ') });
  } catch (err) {
    console.log(`password: authenticate ${err.name}: ${err.message}`);
    failed(response, err);
    send(res, response);
  }
}

const port = portFromArgs();
await serve('password', port, () => async (req, res) => {
  const { pathname } = new URL(req.url, 'http://127.0.0.1');
  if (pathname === '/token') {
    if (req.method !== 'POST') {
      return sendJson(res, 405, { error: 'invalid_request', error_description: 'method must be POST' }, { Allow: 'POST' });
    }
    return token(req, res);
  }
  if (pathname === '/me' && req.method === 'GET') {
    return me(req, res);
  }
  return sendJson(res, 404, { error: 'not_found' });
});
