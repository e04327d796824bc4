// A folder of web files (a page, its scripts and styles) served from memory: the dashboard's and the API docs'.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";

/** The types served; a file of another type in the folder (notes, sources, maps) is left out. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
};

/**
 * Browsers keep each file and ask again each time with its ETag (answered 304 when unchanged):
 * the names carry no version, so a longer life would serve an old script beside a new page.
 */
const CACHE_CONTROL = "no-cache";

export interface StaticFile {
	body: Buffer;
	contentType: string;
	etag: string;
}

/** A folder's files by name, read from disk once, on the first question. */
export interface StaticFiles {
	/** The folder the files come from. */
	readonly dir: string;
	/** The page that the folder's own URL shows (`GET /api/docs` → "index.html"). */
	readonly index: string;
	/** The file called `name`, or undefined when the folder has none of that name and a served type. */
	get(name: string): StaticFile | undefined;
	/** Every name served. Asking at start-up makes a folder without its index stop the start, not fail a request. */
	names(): string[];
}

export interface StaticReply {
	status: 200 | 304;
	headers: Record<string, string>;
	/** Absent on 304. */
	body?: Buffer;
}

function etagOf(body: Buffer): string {
	return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Reads every servable file of `dir` (not its subfolders) into a table by file name. */
function readFolder(dir: string, index: string): ReadonlyMap<string, StaticFile> {
	const table = new Map<string, StaticFile>();
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const contentType = CONTENT_TYPES[extname(entry.name)];
		if (!entry.isFile() || !contentType) continue;
		const body = readFileSync(join(dir, entry.name));
		table.set(entry.name, { body, contentType, etag: etagOf(body) });
	}
	if (!table.has(index)) throw new Error(`There is no ${index} in ${dir}`);
	return table;
}

/**
 * The files of `dir`, with `index` as the page for the folder itself. Nothing is read until the
 * first get() or names() (so importing a module that makes such a table touches no disk); then
 * the whole folder is read once and kept in memory. A folder without `index` throws on that first question.
 */
export function loadStaticFiles(dir: string, options: { index: string }): StaticFiles {
	let table: ReadonlyMap<string, StaticFile> | undefined;
	const read = () => (table ??= readFolder(dir, options.index));
	return {
		dir,
		index: options.index,
		get: name => read().get(name),
		names: () => [...read().keys()],
	};
}

/** Does an If-None-Match header name this ETag (or any, `*`)? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(",").some(tag => {
		const candidate = tag.trim().replace(/^W\//, "");
		return candidate === "*" || candidate === etag;
	});
}

/**
 * The answer for the file `name`: 200 with it, 304 when the client's copy is current (its
 * If-None-Match names the ETag); undefined when the table has no such name, which the caller answers 404.
 * The name is looked up in the table, never joined onto a path, so no name (`../x`, `a/b`) reaches another file.
 */
export function staticReply(
	files: StaticFiles,
	name: string,
	ifNoneMatch?: string,
): StaticReply | undefined {
	const file = files.get(name);
	if (!file) return undefined;
	const headers = {
		"Content-Type": file.contentType,
		"Cache-Control": CACHE_CONTROL,
		ETag: file.etag,
	};
	if (matches(ifNoneMatch, file.etag)) return { status: 304, headers };
	return {
		status: 200,
		headers: { ...headers, "Content-Length": String(file.body.length) },
		body: file.body,
	};
}
