// Response bodies compressed as the client's Accept-Encoding allows: brotli, else gzip, else as
// they are. Every answer of the gateway is written in one piece (`res.end(body)`), so the body is
// compressed in one piece too; below a threshold it is not worth the CPU. A compressed answer is
// another representation: its ETag gets the encoding as a suffix (`"…-br"`), as Apache does, and a
// revalidation with that ETag is read without it (see `etagWithoutEncoding`).
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export type Encoding = "br" | "gzip";

/** Types worth compressing: the API's JSON, the OpenAPI document, the pages' HTML, scripts and styles. */
const COMPRESSIBLE = /^(application\/(json|javascript)|text\/|image\/svg\+xml)/;

/**
 * Brotli's quality 4 compresses JSON about as well as gzip's level 6, in less time; its
 * default (11) is meant for files compressed once, not answers compressed per request.
 */
const BROTLI_QUALITY = 4;

/** The encoding to answer in: the client's preferred one among ours, brotli on a tie; none when it accepts neither. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding | undefined {
	if (!acceptEncoding) return undefined;
	const weights = new Map<string, number>();
	for (const part of acceptEncoding.split(",")) {
		const [name, ...parameters] = part.trim().toLowerCase().split(";");
		const q = parameters.map(p => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
		const weight = q ? Number(q[1]) : 1;
		if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
	}
	const weightOf = (encoding: Encoding) => weights.get(encoding) ?? weights.get("*") ?? 0;
	const br = weightOf("br");
	const gzip = weightOf("gzip");
	if (br <= 0 && gzip <= 0) return undefined;
	return br >= gzip ? "br" : "gzip";
}

export function compress(body: Buffer, encoding: Encoding): Buffer {
	return encoding === "br"
		? brotliCompressSync(body, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.length,
				},
			})
		: gzipSync(body);
}

/** `"abc"` → `"abc-br"`; weak ETags likewise. */
export function etagWithEncoding(etag: string, encoding: Encoding): string {
	return etag.endsWith('"') ? `${etag.slice(0, -1)}-${encoding}"` : etag;
}

/** The ETag a client revalidates with, as the uncompressed answer carries it. */
export function etagWithoutEncoding(etag: string): string {
	return etag.replace(/-(?:br|gzip)"$/, '"');
}

export function isCompressible(contentType: unknown): boolean {
	return typeof contentType === "string" && COMPRESSIBLE.test(contentType);
}

function appendVary(current: unknown, value: string): string {
	const names = String(current ?? "")
		.split(",")
		.map(name => name.trim())
		.filter(Boolean);
	if (!names.some(name => name.toLowerCase() === value.toLowerCase())) names.push(value);
	return names.join(", ");
}

/**
 * Wraps `res.end` so that the body is compressed when it is compressible, at least `threshold`
 * bytes long, and the client accepts an encoding; and so that every body states its length (a
 * HEAD answer too, which Node would leave without one).
 */
export function finishBodies(
	res: import("node:http").ServerResponse,
	encoding: Encoding | undefined,
	threshold: number,
): void {
	// Headers are written with the body, not before: until then writeHead only records them, so
	// that the body's encoding and length can still be set. Node's own writeHead is put back
	// before anything is written (Node calls it from end and write).
	const writeHead = res.writeHead;
	const write = res.write;
	const restore = () => {
		res.writeHead = writeHead;
		res.write = write;
	};
	res.write = ((...args: unknown[]) => {
		restore();
		return (write as (...a: unknown[]) => boolean).apply(res, args);
	}) as typeof res.write;
	res.writeHead = ((status: number, ...args: unknown[]) => {
		res.statusCode = status;
		for (const arg of args) {
			if (typeof arg === "string") res.statusMessage = arg;
			else if (arg && typeof arg === "object")
				for (const [name, value] of Object.entries(arg))
					res.setHeader(name, value as string | number | string[]);
		}
		return res;
	}) as typeof res.writeHead;
	const end = res.end.bind(res) as (...args: unknown[]) => unknown;
	res.end = ((chunk?: unknown, ...rest: unknown[]) => {
		restore();
		if (res.headersSent || (typeof chunk !== "string" && !Buffer.isBuffer(chunk)))
			return end(chunk, ...rest);
		const encodingArg = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : "utf8";
		let body = typeof chunk === "string" ? Buffer.from(chunk, encodingArg) : chunk;
		const type = res.getHeader("Content-Type");
		const hasBody = res.statusCode !== 204 && res.statusCode !== 304;
		if (hasBody && isCompressible(type)) {
			res.setHeader("Vary", appendVary(res.getHeader("Vary"), "Accept-Encoding"));
			if (encoding && body.length >= threshold && !res.getHeader("Content-Encoding")) {
				body = compress(body, encoding);
				res.setHeader("Content-Encoding", encoding);
				const etag = res.getHeader("ETag");
				if (typeof etag === "string")
					res.setHeader("ETag", etagWithEncoding(etag, encoding));
			}
		}
		if (hasBody) res.setHeader("Content-Length", body.length);
		const callback = rest.find(arg => typeof arg === "function");
		return callback ? end(body, callback) : end(body);
	}) as typeof res.end;
}
