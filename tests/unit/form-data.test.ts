import { formDataToObject } from "@/lib/form-data";

describe("formDataToObject", () => {
  it("drops empty fields, trims nothing else and collects repeated names", () => {
    const f = new FormData();
    f.append("a", "x");
    f.append("empty", "  ");
    f.append("ids", "1");
    f.append("ids", "2");
    f.append("$ACTION_ID_abc", "");
    expect(formDataToObject(f)).toEqual({ a: "x", ids: ["1", "2"] });
  });
});
