// The dashboard's static files, served by the gateway from memory. The table of files is made
// once, at start, from the folder `public/`: a request can only ever name one of its entries
// (the name is looked up, never joined onto a path), so no request can reach another file.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";

/** Where the files are, beside this module (`dist/services/api/dashboard/public` in an image). */
export const PUBLIC_DIR = join(__dirname, "public");

/** The page every dashboard URL starts from; its own routes are in the URL's hash. */
export const INDEX = "index.html";

/** The types the dashboard uses; a file of another type in the folder is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
	".html": "text/html; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".svg": "image/svg+xml",
	".png": "image/png",
};

/**
 * Browsers keep each file and ask again each time with its ETag (answered 304 when unchanged):
 * the names carry no version, so a longer life would serve an old app.js beside a new index.html.
 */
const CACHE_CONTROL = "no-cache";

export interface Asset {
	body: Buffer;
	contentType: string;
	etag: string;
}

export type AssetTable = ReadonlyMap<string, Asset>;

export interface AssetReply {
	status: 200 | 304;
	headers: Record<string, string>;
	/** Absent on 304. */
	body?: Buffer;
}

function etagOf(body: Buffer): string {
	return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Reads every servable file of `dir` (not its subfolders) into a table by file name. */
export function loadAssets(dir: string = PUBLIC_DIR): AssetTable {
	const table = new Map<string, Asset>();
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const contentType = CONTENT_TYPES[extname(entry.name)];
		if (!entry.isFile() || !contentType) continue;
		const body = readFileSync(join(dir, entry.name));
		table.set(entry.name, { body, contentType, etag: etagOf(body) });
	}
	if (!table.has(INDEX)) throw new Error(`The dashboard has no ${INDEX} in ${dir}`);
	return table;
}

/** Does an If-None-Match header name this ETag (or any, `*`)? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(",").some(tag => {
		const candidate = tag.trim().replace(/^W\//, "");
		return candidate === "*" || candidate === etag;
	});
}

/** The answer for the file `name`: 200 with it, 304 when the client's copy is current; null when there is no such file. */
export function assetReply(table: AssetTable, name: string, ifNoneMatch?: string): AssetReply | null {
	const asset = table.get(name);
	if (!asset) return null;
	const headers = { "Content-Type": asset.contentType, "Cache-Control": CACHE_CONTROL, ETag: asset.etag };
	if (matches(ifNoneMatch, asset.etag)) return { status: 304, headers };
	return { status: 200, headers: { ...headers, "Content-Length": String(asset.body.length) }, body: asset.body };
}
