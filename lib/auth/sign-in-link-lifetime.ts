// How long a sign-in link works after it is issued: 10 minutes, the most OWASP ASVS 4.0 (2.7.2)
// allows an out-of-band code. Its own file so the mail worker can read it without the auth modules.
export const SIGN_IN_LINK_MINUTES = 10;
