-- A webhook's secret is stored sealed: "<key id>:" and the base64 of nonce, AES-256-GCM ciphertext and tag
-- (platform SecretBox). Rows stored plain before are sealed by risk-service at its next start (WebhookSecrets), so
-- the rule binds new and changed rows at once and every row from then on.
alter table webhook_subscription
    add constraint webhook_subscription_secret_sealed check (secret ~ '^[a-z0-9]{1,32}:[A-Za-z0-9+/]+={0,2}$') not valid;

comment on column webhook_subscription.secret is
    'sealed: <key id>:base64(nonce | ciphertext | tag), AES-256-GCM under careloop.secrets.keys.<key id>';
