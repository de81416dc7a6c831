// A real OpenID provider (oidc-provider, pinned in package.json) for Sonde's OAuth 2.0 tests.
// Usage: node provider.mjs [PORT]  (0 or nothing: a free port). Listens on 127.0.0.1 only and prints
// "ISSUER http://127.0.0.1:PORT" on stdout once it is ready. The login and consent pages are the
// provider's devInteractions: any login name and password sign in.
import { generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? 0);
const Api = 'urn:sonde:api';

// Fresh signing keys on every start, published at jwks_uri: RSA (RS256, the default) and P-256 (ES256,
// for the tokens of sonde-service-post), so both signature checks run against a real JWKS.
const signingKey = (type, options, kid) => ({
  ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }),
  kid,
  use: 'sig',
});
const jwks = {
  keys: [signingKey('rsa', { modulusLength: 2048 }, 'rsa-1'), signingKey('ec', { namedCurve: 'P-256' }, 'ec-1')],
};

const configuration = {
  clients: [
    {
      // A native app: public, authorization code with PKCE, loopback redirect on any port.
      client_id: 'sonde-native',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
    {
      // A confidential service client: client credentials, authenticated with HTTP Basic.
      client_id: 'sonde-service',
      client_secret: 'service-secret',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'api:read',
    },
    {
      // The same, authenticating in the form (client_secret_post).
      client_id: 'sonde-service-post',
      client_secret: 'post-secret',
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: 'api:read',
    },
    {
      // A device without a browser: device authorization grant (RFC 8628).
      client_id: 'sonde-device',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      response_types: [],
      redirect_uris: [],
    },
    {
      // A legacy browser app: the implicit grant (id_token token), the answer sent by form_post.
      client_id: 'sonde-implicit',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['implicit'],
      response_types: ['id_token token'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
  ],
  jwks,
  responseTypes: ['code', 'id_token token', 'none'],
  scopes: ['openid', 'offline_access', 'api:read'],
  pkce: { methods: ['S256', 'plain'], required: () => false },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    deviceFlow: { enabled: true },
    // Service clients get a JWT access token for the test API, so it can be decoded.
    resourceIndicators: {
      enabled: true,
      defaultResource: (ctx, client) => (client?.clientId.startsWith('sonde-service') ? Api : undefined),
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource, client) => ({
        scope: 'api:read',
        audience: Api,
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: client?.clientId === 'sonde-service-post' ? 'ES256' : 'RS256' } },
      }),
    },
  },
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  ttl: { AccessToken: 3600, ClientCredentials: 600, DeviceCode: 600 },
};

let handler = (req, res) => {
  res.statusCode = 503;
  res.end();
};
const server = http.createServer((req, res) => handler(req, res));
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  handler = provider.callback();
  process.stdout.write(`ISSUER ${issuer}\n`);
});
// Stop with the test that started it.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
