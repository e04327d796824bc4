// Requests Node refuses before any handler sees them (a header block past its limit, a byte no
// header may hold, a request that never finishes arriving) get the API's error shape, its security
// headers and a request id, as far as Node lets a server answer: it hands over the socket, and
// the answer is written on it by hand, then the connection is closed.
import { randomUUID } from "node:crypto";
import type { Socket } from "node:net";
import { body } from "./errors";
import { SECURITY_HEADERS } from "./security";

interface ClientError extends Error {
	code?: string;
	/** What Node had read of the request when it gave up. */
	rawPacket?: Buffer;
}

const REASONS: Record<number, string> = {
	400: "Bad Request",
	408: "Request Timeout",
	414: "URI Too Long",
	431: "Request Header Fields Too Large",
};

/** A request line longer than this, or one that never ended, makes the overflow a URI too long. */
const LONG_REQUEST_LINE = 8 * 1024;

/** The status and words for what Node refused. */
export function refusalOf(err: ClientError): { status: number; type: string; message: string } {
	if (err.code === "HPE_HEADER_OVERFLOW") {
		const lineEnd = err.rawPacket?.indexOf("\r\n") ?? 0;
		return lineEnd !== -1 && lineEnd <= LONG_REQUEST_LINE
			? {
					status: 431,
					type: "HEADERS_TOO_LARGE",
					message: "The request's headers are too large (the limit is 16 KB in all).",
				}
			: {
					status: 414,
					type: "URI_TOO_LONG",
					message: "The request's URL is too long (the limit is 16 KB with the headers).",
				};
	}
	if (err.code === "ERR_HTTP_REQUEST_TIMEOUT" || err.code === "ERR_HTTP_HEADERS_TIMEOUT")
		return {
			status: 408,
			type: "REQUEST_TIMEOUT",
			message: "The request did not arrive in time.",
		};
	return {
		status: 400,
		type: "BAD_REQUEST",
		message:
			"The request is malformed: its request line or a header breaks HTTP/1.1 (a control character, a bad header name).",
	};
}

/** The whole answer as bytes on the wire. */
export function refusalResponse(err: ClientError, requestId: string = randomUUID()): string {
	const refusal = refusalOf(err);
	const text = JSON.stringify(body(refusal.status, refusal.type, refusal.message));
	const headers: Record<string, string | number> = {
		"Content-Type": "application/json; charset=utf-8",
		"Content-Length": Buffer.byteLength(text),
		...SECURITY_HEADERS,
		"X-Request-ID": requestId,
		Connection: "close",
	};
	const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
	return `HTTP/1.1 ${refusal.status} ${REASONS[refusal.status]}\r\n${lines.join("\r\n")}\r\n\r\n${text}`;
}

/** The server's `clientError` listener. */
export function answerClientError(err: ClientError, socket: Socket): void {
	// A connection reset or closed by the client has no one left to answer.
	if (err.code === "ECONNRESET" || !socket.writable) return void socket.destroy();
	socket.end(refusalResponse(err));
}
