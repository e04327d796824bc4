// The one place that turns errors into HTTP responses, with one body shape for all:
// { error: { status, type, message, fields? } }. Nothing internal (stacks, node or
// service names) reaches a client; unexpected errors are a plain 500.
import { type ValidatorItem, validationMessage } from "./validation-messages";

export interface FieldError {
	field: string;
	message: string;
}

export interface ErrorBody {
	error: {
		status: number;
		type: string;
		message: string;
		fields?: FieldError[];
	};
}

export interface HttpError {
	status: number;
	headers: Record<string, string>;
	body: ErrorBody;
}

/** How long a client should wait before retrying when a service has no node (seconds). */
export const RETRY_AFTER_SECONDS = 5;

interface ErrorLike {
	name?: string;
	message?: string;
	code?: unknown;
	/** Set by Node HTTP libraries (body-parser) instead of `code`. */
	status?: unknown;
	type?: unknown;
	data?: unknown;
}

/** Our own words for the client errors that HTTP libraries raise with words of theirs. */
const PLAIN_CLIENT_ERRORS: Record<number, [string, string]> = {
	400: ["BAD_REQUEST", "The request is malformed."],
	401: ["UNAUTHORIZED", "This route needs a valid bearer token."],
	404: ["NOT_FOUND", "No such route. See /api/docs for the routes of this API."],
	405: ["METHOD_NOT_ALLOWED", "This route does not take that method."],
	413: ["PAYLOAD_TOO_LARGE", "The request body is too large."],
	415: ["UNSUPPORTED_MEDIA_TYPE", "The request body must be JSON."],
	429: ["RATE_LIMITED", "Too many requests; wait as Retry-After says."],
};

/**
 * Errors of ours and Moleculer's carry an UPPER_SNAKE type and a message meant for clients;
 * others (body-parser's `entity.too.large`, wrapped by moleculer-web) get fixed words.
 */
function clientError(status: number, e: ErrorLike): HttpError {
	const isMoleculer = typeof e.type === "string" && /^[A-Z][A-Z0-9_]*$/.test(e.type);
	const [plainType, plainMessage] = PLAIN_CLIENT_ERRORS[status] ?? [
		"BAD_REQUEST",
		"The request is not valid.",
	];
	const type = isMoleculer ? String(e.type) : plainType;
	const message = isMoleculer && e.message ? e.message : plainMessage;
	const headers: Record<string, string> =
		status === 401 ? { "WWW-Authenticate": 'Bearer realm="matchday-admin"' } : {};
	return { status, headers, body: body(status, type, message) };
}

/** What the client sent for a parameter, when the caller knows the request. */
export type SentValue = (field: string) => unknown;

/** fastest-validator's items, one per bad field; an unknown parameter is reported by its name. */
function fieldErrors(data: unknown, sent: SentValue): FieldError[] {
	if (!Array.isArray(data)) return [];
	return (data as ValidatorItem[]).flatMap(item => {
		if (item?.type === "objectStrict") {
			return String(item.actual ?? "")
				.split(",")
				.map(name => name.trim())
				.filter(Boolean)
				.map(name => ({
					field: name,
					message: `The '${name}' parameter is not known to this route.`,
				}));
		}
		if (typeof item?.field === "string" && item.field)
			return [{ field: item.field, message: validationMessage(item, sent(item.field)) }];
		return [];
	});
}

/** The one body shape, for errors made here and by the gateway's own parts. */
export function body(
	status: number,
	type: string,
	message: string,
	fields?: FieldError[],
): ErrorBody {
	return {
		error:
			fields && fields.length > 0
				? { status, type, message, fields }
				: { status, type, message },
	};
}

/** Maps any error to the response a client gets; `sent` names the values of the request's parameters. */
export function toHttpError(err: unknown, sent: SentValue = () => undefined): HttpError {
	const e = (err ?? {}) as ErrorLike;
	switch (e.name) {
		case "ValidationError": {
			const fields = fieldErrors(e.data, sent);
			const message =
				fields.length > 0
					? fields.map(f => f.message).join(" ")
					: "The request is not valid.";
			return {
				status: 422,
				headers: {},
				body: body(422, "VALIDATION_ERROR", message, fields),
			};
		}
		case "NotFoundError":
			return {
				status: 404,
				headers: {},
				body: body(404, "NOT_FOUND", PLAIN_CLIENT_ERRORS[404][1]),
			};
		case "ServiceNotFoundError":
		case "ServiceNotAvailableError":
		case "ServiceUnavailableError": // moleculer-web's name for a route whose action has no node
			return {
				status: 503,
				headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
				body: body(
					503,
					"SERVICE_UNAVAILABLE",
					"The service behind this route is not available right now; retry later.",
				),
			};
		case "RequestTimeoutError":
			return {
				status: 504,
				headers: {},
				body: body(504, "TIMEOUT", "The service did not answer in time."),
			};
		case "PayloadTooLarge":
			return {
				status: 413,
				headers: {},
				body: body(413, "PAYLOAD_TOO_LARGE", "The request body is too large."),
			};
	}
	const code =
		typeof e.code === "number" ? e.code : typeof e.status === "number" ? e.status : 500;
	if (code >= 400 && code < 500) return clientError(code, e);
	return {
		status: 500,
		headers: {},
		body: body(500, "INTERNAL_ERROR", "Something went wrong on our side."),
	};
}
