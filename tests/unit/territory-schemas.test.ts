import { ZStateList } from "@/lib/territories/territory-schemas";

describe("territory states", () => {
  it("accepts codes in any case and separator, de-duplicated and sorted", () => {
    expect(ZStateList.parse("tx, ok ok;NM")).toEqual(["NM", "OK", "TX"]);
    expect(ZStateList.parse(["dc", "HI"])).toEqual(["DC", "HI"]);
    expect(ZStateList.parse("")).toEqual([]);
  });

  it("refuses anything that is not a US state code, naming it", () => {
    const r = ZStateList.safeParse(["TX", "XX", "Texas"]);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("Not US state codes: XX, TEXAS");
  });
});
