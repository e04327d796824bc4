// What every gateway response carries, whatever route answers: security headers for a JSON API
// (the dashboard and the docs page set their own CSP), and a request id a client may trust and quote.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Headers for every response. The API serves JSON: its CSP allows nothing inline, and only same-origin resources. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	"X-Content-Type-Options": "nosniff",
	"X-Frame-Options": "DENY",
	"Referrer-Policy": "no-referrer",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Content-Security-Policy":
		"default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
	"Permissions-Policy": "camera=(), microphone=(), geolocation=()",
	"Cache-Control": "no-store",
};

/**
 * The pages' policy (the dashboard and the docs page): their scripts and styles are files of
 * their own, so nothing inline runs (an injected `<script>` or `style=""` would be refused), and
 * they talk only to this origin.
 */
export const PAGE_CONTENT_SECURITY_POLICY =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request id of a call: the client's X-Request-Id when it is a plain token (so a client can
 * follow its request through our logs), a fresh one otherwise (never raw header text in logs).
 */
export function requestIdFor(header: string | string[] | undefined): string {
	const given = Array.isArray(header) ? header[0] : header;
	return given && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Connect-style middleware: sets the headers before any route runs. */
export function securityHeaders(
	_req: IncomingMessage,
	res: ServerResponse,
	next: () => void,
): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	next();
}
