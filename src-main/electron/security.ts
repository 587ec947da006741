// Pure security policies of the Electron shell (no electron import): which URLs open, navigate, and which senders call IPC.

/** The renderer's one origin. A custom scheme, so WHATWG `URL.origin` is "null": compare protocol and host instead. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'hatrack';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Served as a header on every app:// response; the same policy as the meta tag in src-renderer/index.html. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'";

/**
 * AWS sign-in and console hosts of the three public partitions (aws, aws-cn, aws-us-gov). A regional subdomain
 * (us-east-1.signin.aws.amazon.com, eu-west-1.console.aws.amazon.com, …) of any of them is allowed too.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'signin.aws.amazon.com',
  'console.aws.amazon.com',
  'signin.amazonaws.cn',
  'console.amazonaws.cn',
  'signin.amazonaws-us-gov.com',
  'console.amazonaws-us-gov.com',
];

// One DNS label: letters, digits, inner hyphens (no empty labels, no underscores, no trailing dots).
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 16_384) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * IAM Identity Center's device-code verification pages: device.sso.<region>.amazonaws.com (.com.cn in China), and the
 * portal of an AWS-owned start URL (<id>.awsapps.com, which newer device prompts point at).
 */
const SSO_DEVICE_HOST = /^(?:device\.sso\.[a-z]{2,4}(?:-[a-z]+)+-\d+\.amazonaws\.com(?:\.cn)?|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.awsapps\.(?:com|cn))$/;

function hostAllowed(host: string): boolean {
  if (SSO_DEVICE_HOST.test(host)) return true;
  return EXTERNAL_HOSTS.some((allowed) => {
    if (host === allowed) return true;
    if (!host.endsWith(`.${allowed}`)) return false;
    const prefix = host.slice(0, -(allowed.length + 1));
    return prefix.split('.').every((label) => LABEL.test(label));
  });
}

/**
 * Whether `shell.openExternal` may open the URL: https only, default port, no credentials in the URL, and a host on
 * the AWS sign-in/console allow-list (or an IAM Identity Center device page). Anything else (file:, javascript:, look-alike hosts) is refused.
 */
export function isAllowedExternalUrl(url: unknown): boolean {
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol !== 'https:') return false;
  if (u.username !== '' || u.password !== '') return false;
  if (u.port !== '') return false;
  // URL lower-cases the host and turns IDN into punycode, so a look-alike never equals an allowed host.
  return hostAllowed(u.hostname);
}

/** Whether a URL belongs to the app's own origin (app://hatrack/…). */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

export type NavigationDecision = { readonly action: 'allow' } | { readonly action: 'deny' } | { readonly action: 'open-external'; readonly url: string };

/**
 * `will-navigate` / `will-redirect`: only a reload of the same app page (a hash change included) stays in the window.
 * Everything else is denied; an allowed AWS URL goes to the browser instead.
 */
export function navigationDecision(currentUrl: string, targetUrl: string): NavigationDecision {
  const target = parse(targetUrl);
  const current = parse(currentUrl);
  if (target !== null && current !== null && isAppUrl(targetUrl) && isAppUrl(currentUrl) && target.pathname === current.pathname) {
    return { action: 'allow' };
  }
  if (isAllowedExternalUrl(targetUrl)) return { action: 'open-external', url: targetUrl };
  return { action: 'deny' };
}

/** `setWindowOpenHandler`: no new Electron window ever; an allowed AWS URL opens in the browser. */
export function windowOpenDecision(url: string): NavigationDecision {
  return isAllowedExternalUrl(url) ? { action: 'open-external', url } : { action: 'deny' };
}

/** What the IPC bridge knows about one incoming call (a projection of IpcMainInvokeEvent, so tests need no Electron). */
export interface SenderFacts {
  readonly webContentsId: number;
  /** True when the calling frame is the top frame of its webContents. */
  readonly isMainFrame: boolean;
  /** URL of the calling frame; null when the frame is gone (navigated or destroyed). */
  readonly frameUrl: string | null;
}

/** Every IPC call must come from the trusted window's main frame while it shows the app's own page. */
export function isTrustedSender(facts: SenderFacts, trustedWebContentsId: number | null): boolean {
  if (trustedWebContentsId === null) return false;
  if (facts.webContentsId !== trustedWebContentsId) return false;
  if (!facts.isMainFrame) return false;
  return facts.frameUrl !== null && isAppUrl(facts.frameUrl);
}

/** Permission requests and checks (camera, notifications from the page, clipboard-read, …) are all denied. */
export function permissionDecision(_permission: string): boolean {
  return false;
}
