// A real OpenID provider (oidc-provider, pinned in package.json) for Sonde's OAuth 2.0 tests.
// Usage: node provider.mjs [PORT]  (0 or nothing: a free port). Listens on 127.0.0.1 only and prints
// "ISSUER http://127.0.0.1:PORT" on stdout once it is ready. The login and consent pages are the
// provider's devInteractions: any login name and password sign in.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? 0);
const Api = 'urn:sonde:api';

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
  ],
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
      getResourceServerInfo: () => ({ scope: 'api:read', audience: Api, accessTokenFormat: 'jwt' }),
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
