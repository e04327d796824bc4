// The cursor that pages through v2 results (the v4 shape of a match is domain/v4-match.ts).
// Pure, so that the query and the tests share it.
/** Where a page ends: the sort key of its last row. Opaque to clients (base64url JSON). */
export interface Cursor {
	utcDate: string;
	id: string;
}

export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify([cursor.utcDate, cursor.id])).toString("base64url");
}

/** Reads a cursor; null when it is not one of ours. */
export function decodeCursor(text: string): Cursor | null {
	try {
		const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
		if (
			Array.isArray(value) &&
			value.length === 2 &&
			typeof value[0] === "string" &&
			typeof value[1] === "string"
		) {
			return { utcDate: value[0], id: value[1] };
		}
	} catch {
		// not JSON: fall through
	}
	return null;
}
