import { defaultMergeChoices, resolveMergeFields, type TMergeValues } from "@/lib/companies/merge-fields";
import { toE164 } from "@/lib/kernel/phone";

const survivor: TMergeValues = { name: "Lone Star", external_id: "u_1", usdot: "111", mc_number: "MC-1", email: "a@x.example", phone: "+1 512 555 0100", city: "Austin", state: "TX" };
const merged: TMergeValues = { name: "LONE STAR HH", external_id: "u_2", usdot: "222", mc_number: null, email: "b@x.example", phone: null, city: "Dallas", state: "TX" };

describe("resolveMergeFields", () => {
  it("keeps the survivor's values where nothing was chosen, and the tombstone its own", () => {
    expect(resolveMergeFields(survivor, merged, {})).toEqual({ survivor, tombstone: merged });
  });

  it("takes a chosen value; an identifier taken from the tombstone is swapped for the survivor's old one", () => {
    const r = resolveMergeFields(survivor, merged, { usdot: "merged", external_id: "merged", city: "merged", name: "survivor" });
    expect(r.survivor).toEqual({ ...survivor, usdot: "222", external_id: "u_2", city: "Dallas" });
    // Both USDOTs and both external ids still route to the survivor; the city is no identifier.
    expect(r.tombstone).toEqual({ ...merged, usdot: "111", external_id: "u_1" });
  });

  it("defaults to the survivor's value unless it has none", () => {
    expect(defaultMergeChoices({ ...survivor, phone: null }, { ...merged, phone: "+1 214 555 0142" })).toMatchObject({ phone: "merged", name: "survivor", mc_number: "survivor" });
  });
});

describe("toE164 (the phone_norm of a company)", () => {
  it.each([
    ["+1 512 555 0100", "+15125550100"],
    ["(512) 555-0100", "+15125550100"],
    ["512.555.0100", "+15125550100"],
    ["1-512-555-0100", "+15125550100"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("reads %s as %s", (raw, e164) => expect(toE164(raw)).toBe(e164));

  it.each([[null], [""], ["call me"], ["555-0100"], ["+1 111 111 1111"]])("gives null for %p", (raw) => expect(toE164(raw)).toBeNull());
});
