import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { type Bump, classifySpecChange } from "../src/classify-spec-change.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach anywhere into the spec
// biome-ignore lint/suspicious/noExplicitAny: the tests edit spec documents freely, as YAML gives them.
type Spec = any;
const fixture = () => parseYaml(readFileSync(join(import.meta.dirname, "fixtures/classify-base.yaml"), "utf8")) as Spec;
const before = fixture();
const list = (spec: Spec) => spec.paths["/accounts/{accountId}/customers"];
const customer = (spec: Spec) => spec.components.schemas.Customer;
const one = (spec: Spec) => spec.paths["/accounts/{accountId}/customers/{customerIdOrNumber}"];
const countries = (spec: Spec) => spec.paths["/countries"];
const expand = (required: boolean) => ({ name: "expand", in: "query", required, schema: { type: "string" } });

const edits: [string, Bump, (spec: Spec) => void][] = [
  ["an operation removed", "major", (spec) => delete list(spec).delete],
  ["a field removed", "major", (spec) => delete customer(spec).properties.email],
  [
    "a parameter removed",
    "major",
    (spec) =>
      (list(spec).get.parameters = list(spec).get.parameters.filter((parameter: Spec) => parameter.name !== "sort")),
  ],
  ["an enum value removed", "major", (spec) => (customer(spec).properties.gender.enum = ["MALE"])],
  ["a parameter made required", "major", (spec) => (list(spec).get.parameters[0].required = true)],
  ["a field made required", "major", (spec) => (customer(spec).required = ["number"])],
  ["a type narrowed", "major", (spec) => (customer(spec).properties.number.type = "integer")],
  [
    "an operation added",
    "minor",
    (spec) =>
      (spec.paths["/accounts/{accountId}/customers/{customerIdOrNumber}"].put = {
        ...spec.paths["/accounts/{accountId}/customers/{customerIdOrNumber}"].patch,
        operationId: "replaceCustomer",
      }),
  ],
  ["an optional field added", "minor", (spec) => (customer(spec).properties.nickname = { type: "string" })],
  [
    "an optional parameter added",
    "minor",
    (spec) => list(spec).get.parameters.push({ name: "q", in: "query", schema: { type: "string" } }),
  ],
  // Customer is read as well as sent: a new value breaks an exhaustive switch over it.
  [
    "an enum value added to a model callers read",
    "major",
    (spec) => customer(spec).properties.gender.enum.push("DIVERSE"),
  ],
  ["an operation's first parameter added, optional", "minor", (spec) => (one(spec).get.parameters = [expand(false)])],
  ["an operation's first parameter added, required", "major", (spec) => (one(spec).get.parameters = [expand(true)])],
  ["an operation's last parameters removed", "major", (spec) => delete list(spec).get.parameters],
  [
    "the first parameters of a path without any added, optional",
    "minor",
    (spec) => (countries(spec).get.parameters = [expand(false)]),
  ],
  [
    "the first parameters of a path without any added, one required",
    "major",
    (spec) => (countries(spec).get.parameters = [expand(false), { ...expand(true), name: "region" }]),
  ],
  ["a description changed", "patch", (spec) => (list(spec).get.description = "Lists customers.")],
  ["a summary changed", "patch", (spec) => (list(spec).get.summary = "list customers")],
  ["an example changed", "patch", (spec) => (spec.components.examples.Customer.value.firstname = "Janet")],
];

describe("classifySpecChange", () => {
  it.each(edits)("rates %s as %s", (_edit, bump, edit) => {
    const after = structuredClone(before);
    edit(after);
    const change = classifySpecChange(before, after);
    expect(change?.bump).toBe(bump);
    expect(change?.changes[0]?.description).toMatch(/\S/);
  });

  it("rates the highest bump when several changes come together, and lists each", () => {
    const after = structuredClone(before);
    delete list(after).delete;
    list(after).get.description = "Lists customers.";
    const change = classifySpecChange(before, after)!;
    expect(change.bump).toBe("major");
    expect(change.changes.map((entry) => entry.bump)).toEqual(["major", "patch"]);
    expect(change.changes.map((entry) => entry.description)).toEqual([
      "Removed operation `DELETE /accounts/{accountId}/customers` (`deleteCustomers`)",
      "Updated the description of `GET /accounts/{accountId}/customers`",
    ]);
  });

  it.each<[string, (spec: Spec) => void, string]>([
    [
      "an optional field added",
      (spec) => (customer(spec).properties.nickname = { type: "string" }),
      "Added optional field `nickname` to `Customer`",
    ],
    ["a field removed", (spec) => delete customer(spec).properties.email, "Removed field `email` from `Customer`"],
    [
      "a field made required",
      (spec) => (customer(spec).required = ["number"]),
      "Made field `number` of `Customer` required",
    ],
    [
      "an enum value added",
      (spec) => customer(spec).properties.gender.enum.push("DIVERSE"),
      'Added the value "DIVERSE" to `Customer.gender`',
    ],
    [
      "a parameter added",
      (spec) => list(spec).get.parameters.push({ name: "q", in: "query", schema: { type: "string" } }),
      "Added optional query parameter `q` to `GET /accounts/{accountId}/customers`",
    ],
    [
      "a parameter made required",
      (spec) => (list(spec).get.parameters[0].required = true),
      "Made query parameter `page` of `GET /accounts/{accountId}/customers` required",
    ],
    [
      "an operation's first parameter added",
      (spec) => (one(spec).get.parameters = [expand(false)]),
      "Added optional query parameter `expand` to `GET /accounts/{accountId}/customers/{customerIdOrNumber}`",
    ],
    [
      "the first parameter of a path without any",
      (spec) => (countries(spec).get.parameters = [expand(false)]),
      "Added optional query parameter `expand` to `GET /countries`",
    ],
  ])(
    "describes %s once, in the user's words, not at every operation and model that uses it",
    (_edit, edit, description) => {
      const after = structuredClone(before);
      edit(after);
      expect(classifySpecChange(before, after)!.changes.map((entry) => entry.description)).toEqual([description]);
    },
  );

  it("lists each parameter of an operation that loses them all", () => {
    const after = structuredClone(before);
    delete list(after).get.parameters;
    expect(classifySpecChange(before, after)!.changes.map((entry) => entry.description)).toEqual([
      "Removed query parameter `page` from `GET /accounts/{accountId}/customers`",
      "Removed query parameter `sort` from `GET /accounts/{accountId}/customers`",
    ]);
  });

  it("leaves the documents it compares as they were", () => {
    const given = fixture();
    const after = fixture();
    // api-smart-diff rewrites both documents when an operation under path-level parameters gets its first own.
    one(after).get.parameters = [expand(false)];
    const afterAsGiven = structuredClone(after);
    classifySpecChange(given, after);
    expect(given).toEqual(fixture());
    expect(after).toEqual(afterAsGiven);
  });

  it("finds no change in the same spec", () => {
    expect(classifySpecChange(before, structuredClone(before))).toBeUndefined();
  });
});
