// The admin routes' check: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time.
import { timingSafeEqual } from "node:crypto";

function sameToken(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the Authorization header carries the expected bearer token. */
export function hasAdminToken(header: string | undefined, expected: string | null): boolean {
	const value = header ?? "";
	const given = value.startsWith("Bearer ") ? value.slice(7).trim() : "";
	return Boolean(expected && given && sameToken(given, expected));
}
