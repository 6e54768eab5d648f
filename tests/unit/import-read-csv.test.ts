import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { readImportCsv, type TImportSource } from "@/lib/import/read-import-csv";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/import", name));

async function readAll(source: TImportSource, maxBytes?: number) {
  const csv = await readImportCsv(source, maxBytes);
  const records = [];
  for await (const r of csv.records) records.push(r);
  return { ...csv, records };
}

describe("reading an import CSV", () => {
  it("reads a HubSpot export: commas, quoted commas, quotes and newlines", async () => {
    const csv = await readAll(fixture("hubspot-companies.csv"));
    expect(csv).toMatchObject({ encoding: "utf-8", delimiter: "," });
    expect(csv.headers).toHaveLength(13);
    expect(csv.records.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(csv.records[2].values[1]).toBe("Big Sky Rigging, LLC");
    expect(csv.records[2].values[12]).toBe("Cranes\nand rigging");
    expect(csv.records[5].values[12]).toBe('Wind blades, "superloads"');
  });

  it("reads a ;-separated file with a BOM and CRLF", async () => {
    const csv = await readAll(fixture("semicolon-bom-crlf.csv"));
    expect(csv).toMatchObject({ encoding: "utf-8", delimiter: ";" });
    expect(csv.headers[0]).toBe("Company");
    expect(csv.records.map((r) => r.values[0])).toEqual(["Nordic Haulage US", "Alpine Lift; Inc", "Iberia Oversize"]);
    expect(csv.records[1].values[6]).toBe("Line one\r\nline two");
    expect(csv.records[2].values[1]).toBe("Lucía Gómez");
  });

  it("reads Windows-1252 bytes as Windows-1252, tab-separated", async () => {
    const csv = await readAll(fixture("windows-1252.csv"));
    expect(csv).toMatchObject({ encoding: "windows-1252", delimiter: "\t" });
    expect(csv.records.map((r) => r.values.slice(0, 2))).toEqual([
      ["Café Pilot Cars", "José Peña"],
      ["O’Brien Escorts", "Seán O’Brien"],
    ]);
  });

  it("reads Excel's UTF-16 \"Unicode Text\" export by its BOM", async () => {
    const text = "Company Name\tCity\r\nZürich Wide Loads\tAustin\r\n";
    const le = await readAll(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    expect(le).toMatchObject({ encoding: "utf-16le", delimiter: "\t", headers: ["Company Name", "City"] });
    expect(le.records).toEqual([{ row: 2, values: ["Zürich Wide Loads", "Austin"] }]);
    const be = Buffer.from(text, "utf16le").swap16();
    expect((await readAll(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).records[0].values[0]).toBe("Zürich Wide Loads");
  });

  it("refuses UTF-8 that turns invalid past the first chunk", async () => {
    async function* chunks() {
      yield Buffer.from("Company,City\n" + "Acme,Austin\n".repeat(7000)); // past the 64 KB head
      yield Buffer.from([0x42, 0x65, 0x74, 0x61, 0x2c, 0xe9, 0x0a]);
    }
    await expect(readAll(chunks())).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/mixes text encodings/) });
  });

  it("reads a stream whose chunks split a UTF-8 character", async () => {
    const bytes = fixture("pipedrive-organizations.csv");
    const at = bytes.indexOf(Buffer.from("Rocky")) + 2;
    const accented = Buffer.concat([bytes, Buffer.from("Montréal Movers,Plattsburgh,NY,,,,,,\n")]);
    const cut = accented.indexOf(Buffer.from("é")) + 1; // between the two bytes of é
    const csv = await readAll(Readable.from([accented.subarray(0, at), accented.subarray(at, cut), accented.subarray(cut)]));
    expect(csv.encoding).toBe("utf-8");
    expect(csv.headers[0]).toBe("Organization - Name");
    expect(csv.records.map((r) => r.values[0])).toEqual([
      "Rocky Mountain Pilot Cars", "Carolina Wide Loads", "Bayou Escort Service", "Keystone Heavy Transport", "Montréal Movers",
    ]);
  });

  it("skips rows a spreadsheet left as bare delimiters, keeping the spreadsheet's row numbers", async () => {
    const csv = await readAll(Buffer.from("Company,Email\n,\nAcme,a@acme.example\n,,\n"));
    expect(csv.records).toEqual([{ row: 3, values: ["Acme", "a@acme.example"] }]);
  });

  it.each([
    ["an empty file", "", /The file is empty/],
    ["a file of blank lines", "\r\n\r\n  \n", /The file is empty/],
    ["binary bytes", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not a CSV file/],
    ["a first row of values", "Acme Hauling,ops@acme.example,512-555-0100\n", /no header.*"ops@acme.example"/],
    ["a blank header", ",,\nAcme,a@b.co,1\n", /no header/],
    ["repeated headers", "Company,Email,E-mail\nAcme,a@b.co,c@d.co\n", /Column names repeat: "Email" \(column 2\) and "E-mail" \(column 3\)/],
  ])("refuses %s with a 400", async (_what, content, message) => {
    await expect(readAll(typeof content === "string" ? Buffer.from(content) : content)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(message),
    });
  });

  it("refuses an unclosed quote with the line", async () => {
    await expect(readAll(Buffer.from('Company,Notes\nAcme,"never closed\nBeta,x\n'))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not a well-formed CSV/),
    });
  });

  it("refuses a file over the limit before reading it", async () => {
    await expect(readAll(Buffer.alloc(MAX_IMPORT_BYTES + 1, "a"))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/larger than 50 MB/),
    });
  });

  it("counts a stream as it arrives and refuses it once past the limit", async () => {
    const line = Buffer.from("Acme Hauling,ops@acme.example\n");
    let sent = 0;
    async function* endless() {
      yield Buffer.from("Company,Email\n");
      for (;;) {
        sent += line.length;
        yield line;
      }
    }
    await expect(readAll(endless(), 100_000)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(sent).toBeLessThan(100_000 + 70 * 1024); // stopped within one head's worth of the limit
  });
});
