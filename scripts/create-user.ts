// npm run user:create -- --email boss@example.com --name "Pat Boss" --role super_admin
// The password comes from USER_PASSWORD or a prompt (never a command-line flag: shells keep history).
import { parseArgs } from "node:util";
import readline from "node:readline/promises";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { AppError } from "@/lib/errors";

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing while the prompt is open.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (s.includes("Password")) write.call(rl, s);
  };
  const answer = await rl.question("Password (8–72 characters): ");
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" }, phone: { type: "string" } },
  });
  const user = await createUser(null, {
    email: values.email ?? "",
    name: values.name ?? "",
    role: values.role as "admin" | "super_admin",
    phone: values.phone,
    password: await readPassword(),
  });
  console.log(`created ${user.role} ${user.email} (id ${user.id})`);
}

main()
  .catch((err) => {
    console.error(err instanceof AppError ? `${err.message}${err.issues ? ": " + err.issues.map((i) => `${i.path} ${i.message}`).join("; ") : ""}` : err);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
