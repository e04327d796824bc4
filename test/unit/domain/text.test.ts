import { escapeRegExp, foldText, slugify } from "../../../domain/text";

describe("foldText", () => {
	test("drops case and accents so that plain typing finds accented names", () => {
		expect(foldText("Müller")).toBe("muller");
		expect(foldText("Çağlar Söyüncü")).toBe("caglar soyuncu");
		expect(foldText("Matěj Kovář")).toBe("matej kovar");
		expect(foldText("Martin Ødegaard")).toBe("martin odegaard");
		expect(foldText("Łukasz Fabiański")).toBe("lukasz fabianski");
		expect(foldText("Weißwasser")).toBe("weisswasser");
	});
});

describe("slugify", () => {
	test("makes readable url-safe ids", () => {
		expect(slugify("Brighton & Hove Albion FC")).toBe("brighton-hove-albion-fc");
		expect(slugify("1. FC Köln")).toBe("1-fc-koln");
		expect(slugify("  Côte d'Ivoire ")).toBe("cote-d-ivoire");
	});
});

describe("escapeRegExp", () => {
	test("makes user text match literally", () => {
		const pattern = new RegExp(escapeRegExp("a.*b(c)[d]+?$"));
		expect(pattern.test("xa.*b(c)[d]+?$y")).toBe(true);
		expect(pattern.test("aXXb(c)[d]")).toBe(false);
	});
});
