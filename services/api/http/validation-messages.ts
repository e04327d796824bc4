// What a client reads when a parameter is refused: the parameter, the value it sent and what is
// allowed, in words of ours. fastest-validator's own messages show the allowed list as if it were
// the value ("The 'position' field value 'Goalkeeper, Defender, …' does not match…") and speak of
// lengths of 1 where a client sent only spaces.

/** One item of fastest-validator's report (Moleculer's ValidationError `data`). */
export interface ValidatorItem {
	type?: string;
	field?: string;
	message?: string;
	expected?: unknown;
	actual?: unknown;
}

/** At most this many characters of a value are quoted back. */
const QUOTED = 60;

/** A value as the client sent it, quoted and cut short when it is long. */
export function quoted(value: unknown): string {
	const text = typeof value === "string" ? value : JSON.stringify(value);
	const characters = Array.from(text ?? "");
	return characters.length > QUOTED
		? `'${characters.slice(0, QUOTED).join("")}…' (${characters.length} characters)`
		: `'${text}'`;
}

/** The message for one refused parameter; `sent` is what the client sent for it, if known. */
export function validationMessage(item: ValidatorItem, sent: unknown): string {
	const name = `The '${item.field}' parameter`;
	const got = sent === undefined ? "" : `; got ${quoted(sent)}`;
	switch (item.type) {
		case "required":
			return `${name} is required.`;
		case "enumValue":
			return `${name} must be one of ${String(item.expected)}${got}.`;
		case "number":
			return `${name} must be a number written in decimal digits${got}.`;
		case "numberInteger":
			return `${name} must be a whole number${got}.`;
		case "numberMin":
			return `${name} must be at least ${String(item.expected)}${got}.`;
		case "numberMax":
			return `${name} must be at most ${String(item.expected)}${got}.`;
		case "stringMin":
			return typeof sent === "string" && sent.trim() === ""
				? `${name} is blank: it must hold at least ${String(item.expected)} character(s) besides spaces.`
				: `${name} must be at least ${String(item.expected)} character(s) long${got}.`;
		case "stringMax":
			return `${name} must be at most ${String(item.expected)} characters long; got ${String(item.actual)}.`;
		case "stringPattern":
			return `${name} must match ${String(item.expected)}${got}.`;
		case "string":
			return `${name} must be text, given once${got}.`;
		default:
			return (item.message ?? `${name} is not valid.`).replace(
				`The '${item.field}' field`,
				name,
			);
	}
}
