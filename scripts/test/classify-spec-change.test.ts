import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { classifySpecChange, type Bump } from "../spec/classify-spec-change.js";
import { repoRoot } from "../repo-root.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits reach anywhere into the spec
type Spec = any;
const before = parseYaml(readFileSync(join(repoRoot, "scripts/test/fixtures/customers.yaml"), "utf8")) as Spec;
const list = (spec: Spec) => spec.paths["/accounts/{accountId}/customers"];
const customer = (spec: Spec) => spec.components.schemas.Customer;

const edits: [string, Bump, (spec: Spec) => void][] = [
  ["an operation removed", "major", (spec) => delete list(spec).delete],
  ["a field removed", "major", (spec) => delete customer(spec).properties.email],
  ["a parameter removed", "major", (spec) => (list(spec).get.parameters = list(spec).get.parameters.filter((parameter: Spec) => parameter.name !== "sort"))],
  ["an enum value removed", "major", (spec) => (customer(spec).properties.gender.enum = ["MALE"])],
  ["a parameter made required", "major", (spec) => (list(spec).get.parameters[0].required = true)],
  ["a field made required", "major", (spec) => (customer(spec).required = ["number"])],
  ["a type narrowed", "major", (spec) => (customer(spec).properties.number.type = "integer")],
  ["an operation added", "minor", (spec) => (spec.paths["/accounts/{accountId}/customers/{customerIdOrNumber}"].put = { ...spec.paths["/accounts/{accountId}/customers/{customerIdOrNumber}"].patch, operationId: "replaceCustomer" })],
  ["an optional field added", "minor", (spec) => (customer(spec).properties.nickname = { type: "string" })],
  ["an optional parameter added", "minor", (spec) => list(spec).get.parameters.push({ name: "q", in: "query", schema: { type: "string" } })],
  ["an enum value added", "minor", (spec) => customer(spec).properties.gender.enum.push("DIVERSE")],
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
    ["an optional field added", (spec) => (customer(spec).properties.nickname = { type: "string" }), "Added optional field `nickname` to `Customer`"],
    ["a field removed", (spec) => delete customer(spec).properties.email, "Removed field `email` from `Customer`"],
    ["a field made required", (spec) => (customer(spec).required = ["number"]), "Made field `number` of `Customer` required"],
    ["an enum value added", (spec) => customer(spec).properties.gender.enum.push("DIVERSE"), 'Added the value "DIVERSE" to `Customer.gender`'],
    ["a parameter added", (spec) => list(spec).get.parameters.push({ name: "q", in: "query", schema: { type: "string" } }), "Added optional query parameter `q` to `GET /accounts/{accountId}/customers`"],
    ["a parameter made required", (spec) => (list(spec).get.parameters[0].required = true), "Made query parameter `page` of `GET /accounts/{accountId}/customers` required"],
  ])("describes %s once, in the user's words, not at every operation and model that uses it", (_edit, edit, description) => {
    const after = structuredClone(before);
    edit(after);
    expect(classifySpecChange(before, after)!.changes.map((entry) => entry.description)).toEqual([description]);
  });

  it("finds no change in the same spec", () => {
    expect(classifySpecChange(before, structuredClone(before))).toBeUndefined();
  });
});
