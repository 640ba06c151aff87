// A real OpenID provider for CrossFlow's single sign-on tests: panva's oidc-provider 9.13.3
// (pinned in package.json; on Node 20 it warns "Unsupported runtime" and works).
//
// Env: IDP_PORT, IDP_ACCOUNTS (JSON: accountId -> claims), RP_REDIRECTS (comma-separated
// callback URLs), RP_LOGOUT_REDIRECTS. Dev interactions: POST login=<accountId> with any
// password signs in as that account, so this is for tests only. The client secret and the
// cookie key are throwaway test values.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const PORT = Number(process.env.IDP_PORT);
const ISSUER = `http://127.0.0.1:${PORT}`;
const ACCOUNTS = JSON.parse(process.env.IDP_ACCOUNTS ?? '{}');
const split = (value) => (value ?? '').split(',').filter(Boolean);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-rs256', use: 'sig', alg: 'RS256' };

const provider = new Provider(ISSUER, {
  clients: [{
    client_id: 'crossflow',
    client_secret: 'crossflow-test-secret',
    redirect_uris: split(process.env.RP_REDIRECTS),
    post_logout_redirect_uris: split(process.env.RP_LOGOUT_REDIRECTS),
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  jwks: { keys: [signingKey] },
  cookies: { keys: ['cookie-signing-key-test-only'] },
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
    department: ['department'],
  },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(ctx, id) {
    const claims = ACCOUNTS[id];
    if (!claims) return undefined;
    return { accountId: id, async claims() { return { sub: id, preferred_username: id, ...claims }; } };
  },
});

provider.on('server_error', (ctx, err) => console.error('server_error', err));
provider.listen(PORT, '127.0.0.1', () => console.log(`oidc-provider on ${ISSUER}`));
