// Writing an answer from a route of the gateway's own (not proxied to a service).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context } from "moleculer";
import type { HttpError } from "./errors";

/** A request as moleculer-web hands it to alias functions and hooks. */
export type Req = IncomingMessage & {
	$ctx?: Context;
	$service?: unknown;
	$params?: Record<string, unknown>;
	originalUrl?: string;
};
export type Res = ServerResponse;

export function send(
	res: Res,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
	type = "application/json; charset=utf-8",
): void {
	// Serialised before anything is written: a body that cannot be is an error the caller can still answer.
	const text = typeof body === "string" ? body : JSON.stringify(body);
	res.setHeader("Content-Type", type);
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	res.writeHead(status);
	res.end(text);
}

export function sendError(res: Res, error: HttpError): void {
	send(res, error.status, error.body, error.headers);
}
