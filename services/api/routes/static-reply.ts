// Serving a file of the gateway's own (the dashboard's, the docs page's) under the strict CSP those
// pages are written for: scripts and styles from their own files only, nothing inline.
import { toHttpError } from "../http/errors";
import { type Req, type Res, sendError } from "../http/reply";
import { PAGE_CONTENT_SECURITY_POLICY } from "../http/security";
import { type StaticFiles, staticReply } from "../static-files";

/** Answers the named file, 304 when the client has it, or the API's 404 for a name that is not one of them. */
export function sendStatic(req: Req, res: Res, files: StaticFiles, name: string): void {
	const reply = staticReply(files, name, req.headers["if-none-match"]);
	if (!reply) return sendError(res, toHttpError({ code: 404 }));
	res.setHeader("Content-Security-Policy", PAGE_CONTENT_SECURITY_POLICY);
	for (const [header, value] of Object.entries(reply.headers)) res.setHeader(header, value);
	res.writeHead(reply.status);
	res.end(reply.body);
}
