// Text helpers shared by the importer and the query builders: ids, search keys, regexes.

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/** Lower-case, without accents or marks: "Müller" and "MULLER" both give "muller". */
export function foldText(text: string): string {
	// Most names are plain ASCII: nothing to decompose (the importer folds millions of them).
	if (PLAIN_ASCII.test(text)) return text.toLowerCase().trim();
	return text
		.normalize("NFKD")
		.replace(/\p{M}/gu, "")
		.replace(/ß/g, "ss")
		.replace(/[øØ]/g, "o")
		.replace(/[łŁ]/g, "l")
		.replace(/[đĐ]/g, "d")
		.replace(/[æÆ]/g, "ae")
		.toLowerCase()
		.trim();
}

/** A url-safe, readable id part: "Brighton & Hove Albion FC" → "brighton-hove-albion-fc". */
export function slugify(text: string): string {
	return foldText(text)
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "");
}

/** Escapes user text so that it matches literally inside a RegExp. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
