import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../repo-root.js";
import { repoBin, repoCopy, run } from "../repo-copy.js";

async function listing(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((path) => !path.includes("node_modules")).sort();
}

// Whatever providers the repository has (the README's own `acme-crm` example included), the
// scaffold gets a slug none of them uses, and the taken-slug case uses one that exists.
const providers = await readdir(join(repoRoot, "specs"));
const freeSlug = (base: string) =>
  [base, ...Array.from({ length: 100 }, (_, index) => `${base}-${index + 2}`)].find(
    (slug) => !providers.includes(slug),
  )!;
const scaffolded = freeSlug("scaffold-probe");
const pascal = scaffolded
  .split("-")
  .map((word) => word[0]!.toUpperCase() + word.slice(1))
  .join("");

describe("pnpm new-provider", () => {
  it.each([
    ["Bad_Slug", /"Bad_Slug" is not a valid slug/],
    ["acme--crm", /"acme--crm" is not a valid slug/],
    ["acme-customers", /should not end in -customers/],
    [providers[0]!, new RegExp(`specs/${providers[0]} already exists`)],
    ["", /give the provider's slug/],
  ])("refuses %j with a clear message and writes nothing", async (slug, message) => {
    const copy = await repoCopy("new-provider-");
    const before = await listing(copy);
    const { code, output } = await run(
      repoBin("tsx"),
      ["scripts/new-provider.ts", ...(slug ? [slug] : []), "--no-install"],
      copy,
    );
    expect(code).toBe(1);
    expect(output).toMatch(message);
    expect(output).toContain("nothing was written");
    expect(await listing(copy)).toEqual(before);
  });

  it("scaffolds a provider whose generate, tests, typecheck and lint pass right away", {
    // A hang guard: the scaffolded package builds the runtime and the mock package first, beside the other e2e work.
    timeout: 900_000,
  }, async () => {
    const copy = await repoCopy("new-provider-");
    const scaffold = await run(repoBin("tsx"), ["scripts/new-provider.ts", scaffolded, "--name", pascal], copy);
    expect(scaffold.output).toContain(`created @org/${scaffolded}-customers with create${pascal}Client()`);
    expect(scaffold.code, scaffold.output).toBe(0);

    const spec = await readFile(join(copy, `specs/${scaffolded}/customers.yaml`), "utf8");
    const others = (await readdir(join(copy, "specs"))).filter((provider) => provider !== scaffolded);
    const ports = await Promise.all(
      others.map(async (provider) =>
        Number(/x-mock-port: (\d+)/.exec(await readFile(join(copy, "specs", provider, "customers.yaml"), "utf8"))![1]),
      ),
    );
    expect(spec).toContain(`x-mock-port: ${Math.max(...ports) + 1}`);
    expect(await readFile(join(copy, `.changeset/${scaffolded}-customers-first-release.md`), "utf8")).toContain(
      `"@org/${scaffolded}-customers": minor`,
    );

    const tasks = await run(
      join(copy, "node_modules/.bin/turbo"),
      ["run", "generate", "test", "typecheck", "lint", `--filter=@org/${scaffolded}-customers`],
      copy,
    );
    expect(tasks.output).toMatch(/Tests\s+12 passed/);
    expect(tasks.code, tasks.output).toBe(0);
    // The repository's own format and lint rules hold for what it wrote.
    const format = await run(join(copy, "node_modules/.bin/biome"), ["ci", `packages/${scaffolded}-customers`], copy);
    expect(format.code, format.output).toBe(0);
    expect(await readFile(join(copy, `packages/${scaffolded}-customers/README.md`), "utf8")).toContain(
      "| `GET` | `/customers` | `listCustomers` | List customers |",
    );

    const lint = await run(join(copy, "node_modules/.bin/tsx"), ["scripts/lint-repo.ts"], copy);
    expect(lint).toMatchObject({ code: 0 });
  });
});
