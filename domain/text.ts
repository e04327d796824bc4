// Text helpers shared by the importer and the query builders: ids, search keys, regexes.

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * Letters that Unicode does not decompose into a plain letter and marks, as a reader types them
 * in ASCII: Turkish dotless ı (Yıldız), Icelandic ð and þ, and the like. Only search folds them:
 * ids were made before, and an id once given never changes (see `slugify`).
 */
const LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
	ı: "i",
	ð: "d",
	þ: "th",
	œ: "oe",
	ħ: "h",
	ŧ: "t",
	ĸ: "k",
	ŋ: "n",
};
const UNDECOMPOSED = new RegExp(`[${Object.keys(LETTERS_WITHOUT_DECOMPOSITION).join("")}]`, "g");

/** Lower-case, without accents or marks, every letter as ASCII: "Müller" and "MULLER" give "muller", "Yıldız" "yildiz". */
export function foldText(text: string): string {
	if (PLAIN_ASCII.test(text)) return text.toLowerCase().trim();
	return foldForIds(text).replace(UNDECOMPOSED, letter => LETTERS_WITHOUT_DECOMPOSITION[letter]);
}

/** The folding ids are made with, frozen so that ids stay as they were given. */
function foldForIds(text: string): string {
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
	return foldForIds(text)
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "");
}

/** Escapes user text so that it matches literally inside a RegExp. */
export function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
