// Signing in: OpenID Connect authorization code flow with PKCE (S256) against a public Keycloak client.
// The tokens live in memory only; sessionStorage carries the verifier, state and nonce across the one redirect.

const PENDING = 'careloop-console-login';

function base64url(bytes) {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

/** The console's OIDC session: sign in, keep the access token fresh, sign out. */
export class Session {
  constructor(config, redirectUri) {
    this.config = config;
    this.redirectUri = redirectUri;
    this.issuer = `${config.keycloakUrl.replace(/\/$/, '')}/realms/${encodeURIComponent(config.realm)}`;
    this.tokens = null;
    this.user = null;
    this.refreshTimer = null;
    this.onRefresh = () => {};
    this.onExpired = () => {};
  }

  endpoint(name) {
    return `${this.issuer}/protocol/openid-connect/${name}`;
  }

  /** Leaves for Keycloak's login page. */
  async signIn() {
    const verifier = randomString();
    const state = randomString();
    const nonce = randomString();
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce }));
    const params = new URLSearchParams({
      client_id: this.config.clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: this.redirectUri,
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    location.assign(`${this.endpoint('auth')}?${params}`);
  }

  /** Completes a login when Keycloak has just redirected back here; returns whether the session is signed in. */
  async completeSignIn() {
    const query = new URLSearchParams(location.search);
    if (!query.has('state')) return false;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', location.pathname);
    if (query.has('error')) throw new Error(`Keycloak refused the sign-in: ${query.get('error_description') || query.get('error')}`);
    if (!pending || pending.state !== query.get('state')) throw new Error('The sign-in answer does not match the request that was sent (state); sign in again.');
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: this.redirectUri,
      code_verifier: pending.verifier,
    });
    const id = claims(tokens.id_token);
    if (id.nonce !== pending.nonce) throw new Error('The sign-in answer does not match the request that was sent (nonce); sign in again.');
    if (id.iss !== this.issuer) throw new Error('The identity token comes from an unexpected issuer.');
    this.accept(tokens);
    return true;
  }

  async tokenRequest(form) {
    const response = await fetch(this.endpoint('token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.config.clientId, ...form }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.error_description || body.error || `token endpoint answered ${response.status}`);
    return body;
  }

  accept(tokens) {
    this.tokens = { ...tokens, idToken: tokens.id_token || this.tokens?.idToken };
    const access = claims(tokens.access_token);
    this.user = {
      username: access.preferred_username,
      name: access.name || access.preferred_username,
      roles: access.realm_access?.roles || [],
    };
    clearTimeout(this.refreshTimer);
    // Refreshed a little before the access token expires (Keycloak's default: 5 minutes).
    const inSeconds = Math.max(5, (tokens.expires_in || 300) - 30);
    this.refreshTimer = setTimeout(() => this.refresh(), inSeconds * 1000);
  }

  async refresh() {
    try {
      this.accept(await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: this.tokens.refresh_token }));
      this.onRefresh();
    } catch (error) {
      this.tokens = null;
      this.onExpired(error);
    }
  }

  get accessToken() {
    return this.tokens?.access_token;
  }

  hasRole(role) {
    return this.user?.roles.includes(role) ?? false;
  }

  /** Ends the Keycloak session too, then comes back signed out. */
  signOut(afterUri) {
    const params = new URLSearchParams({ client_id: this.config.clientId, post_logout_redirect_uri: afterUri });
    if (this.tokens?.idToken) params.set('id_token_hint', this.tokens.idToken);
    this.tokens = null;
    clearTimeout(this.refreshTimer);
    location.assign(`${this.endpoint('logout')}?${params}`);
  }
}
